import { describe, expect, it } from "vitest";
import { API_TOKEN_NAME_MAX_LENGTH, CreateApiTokenInputSchema } from "@/lib/tokens/token.schemas";

describe("CreateApiTokenInputSchema", () => {
  it("trims the name and leaves the expiry out for a token that never expires", () => {
    expect(CreateApiTokenInputSchema.parse({ name: "  Nightly export " })).toEqual({ name: "Nightly export" });
    expect(CreateApiTokenInputSchema.parse({ name: "Year", expiresInDays: 365 })).toEqual({ name: "Year", expiresInDays: 365 });
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(API_TOKEN_NAME_MAX_LENGTH + 1) }, "name"],
    [{ name: "ok", expiresInDays: 0 }, "expiresInDays"],
    [{ name: "ok", expiresInDays: 366 }, "expiresInDays"],
    [{ name: "ok", expiresInDays: 7.5 }, "expiresInDays"],
  ])("refuses %j", (input, field) => {
    const result = CreateApiTokenInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
