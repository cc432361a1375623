import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

describe("the OpenAPI document", async () => {
  it("describes every member and invitation endpoint with the statuses it answers, and never a token hash", async () => {
    const document = (await openApiDocument());
    const paths = document.paths ?? {};
    const statuses = (path: string, method: "get" | "post" | "patch" | "delete") => Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/v1/workspaces/{workspaceId}/members", "get")).toEqual(["200", "400", "401", "404"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/members/{userId}", "patch")).toEqual(["200", "400", "401", "403", "404", "409", "415", "429"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/members/{userId}", "delete")).toEqual(["204", "401", "403", "404", "409", "429"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/invitations", "get")).toEqual(["200", "400", "401", "403", "404"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/invitations", "post")).toEqual(["201", "400", "401", "403", "404", "409", "415", "429"]);
    expect(statuses("/api/v1/workspaces/{workspaceId}/invitations/{invitationId}", "delete")).toEqual(["204", "401", "403", "404", "409", "429"]);
    expect(statuses("/api/v1/invitations/{token}/accept", "post")).toEqual(["200", "401", "403", "404", "409", "410", "429"]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(["Member", "ChangeMemberRoleInput", "CreateInvitationInput", "NewInvitation", "PendingInvitation", "AcceptedInvitation"]),
    );
    expect(JSON.stringify(document)).not.toContain("tokenHash");
  });
});
