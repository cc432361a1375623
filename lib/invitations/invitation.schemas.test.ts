import { describe, expect, it } from "vitest";
import { CreateInvitationInputSchema } from "@/lib/invitations/invitation.schemas";
import { ChangeMemberRoleInputSchema } from "@/lib/members/member.schemas";

describe("CreateInvitationInputSchema", () => {
  it("trims and lower-cases the email", () => {
    expect(CreateInvitationInputSchema.parse({ email: "  Ana.Lima@Example.ORG ", role: "editor" })).toEqual({
      email: "ana.lima@example.org",
      role: "editor",
    });
  });

  it.each([
    [{ email: "not an email", role: "viewer" }, "email"],
    [{ email: "", role: "viewer" }, "email"],
    [{ email: "a@example.org", role: "admin" }, "role"],
    [{ email: "a@example.org" }, "role"],
    [{ email: "a@example.org", role: "viewer", workspaceId: "x" }, ""],
  ])("refuses %j", (input, field) => {
    const result = CreateInvitationInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => String(issue.path[0] ?? ""))).toContain(field);
  });

  it("names the roles to choose from", () => {
    const result = ChangeMemberRoleInputSchema.safeParse({ role: "superuser" });
    expect(result.error?.issues[0]?.message).toBe("Choose a role: viewer, reviewer, editor, owner");
  });
});
