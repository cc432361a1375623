import { describe, expect, it } from "vitest";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { CreateUserInputSchema } from "@/lib/users/user.schemas";

const person = ["ada.lovelace@example.test", "Ada Lovelace"];

describe("passwordWeakness", () => {
  it.each([
    ["password1234", "commonly used password"],
    ["aaaaaaaaaaaa", "Repeated characters"],
    [" ".repeat(12), "Repeated characters"],
    ["qwertyuiopas", "commonly used password"],
    ["ada.lovelace@example.test", "personal"],
  ])("refuses %j and says why", (password, reason) => {
    expect(passwordWeakness(password, person)).toMatch(new RegExp(reason, "i"));
  });

  it.each(["e2e-password-long-enough", "claimdesk-demo-2026", "correct horse battery", "plum orchard lantern 42"])(
    "accepts %j, a password the tests, the demo or the docs use",
    (password) => {
      expect(passwordWeakness(password, person)).toBeNull();
    },
  );
});

describe("CreateUserInputSchema", () => {
  it("puts the reason on the password field, with the person's own email and name counted as guessable", () => {
    const parsed = CreateUserInputSchema.safeParse({ email: "grace.hopper@example.test", name: "Grace Hopper", password: "gracehopper1" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["password"], message: expect.stringContaining("Choose a harder password") })]);
  });
});
