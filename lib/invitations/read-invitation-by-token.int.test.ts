import { describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/invitations/[token]/accept/route";
import { DELETE as revokeRoute } from "@/app/api/v1/workspaces/[workspaceId]/invitations/[invitationId]/route";
import { POST as inviteRoute } from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import { AppError } from "@/lib/http/errors";
import type { NewInvitation } from "@/lib/invitations/invitation.schemas";
import { readInvitationByToken } from "@/lib/invitations/server/read-invitation-by-token";
import { createDesk, db } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

async function invited() {
  const desk = await createDesk();
  const response = await callRoute(inviteRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/invitations`, {
    as: desk.owner,
    params: { workspaceId: desk.workspaceId },
    body: { email: `guest-${Date.now()}@example.test`, role: "reviewer" },
  });
  expect(response.status).toBe(201);
  const invitation = response.body as NewInvitation;
  return { ...desk, invitation, token: new URL(invitation.url).pathname.split("/").at(-1) ?? "" };
}

describe("readInvitationByToken", () => {
  it("tells a visitor who invites them to which workspace as what, and nothing more", async () => {
    const { owner, workspace, token } = await invited();
    expect(await readInvitationByToken({ token })).toEqual({ workspaceName: workspace.name, inviterName: owner.name, role: "reviewer", status: "pending" });
  });

  it("answers an unknown or mangled token as not found", async () => {
    const { token } = await invited();
    for (const unknown of ["no-such-invitation", `${token}x`, ""]) {
      await expect(readInvitationByToken({ token: unknown })).rejects.toSatisfy((error) => error instanceof AppError && error.code === "not_found");
    }
  });

  it("says when the invitation was used, withdrawn or has expired", async () => {
    const used = await invited();
    expect((await callRoute(acceptRoute, "POST", `/api/v1/invitations/${used.token}/accept`, { as: used.stranger, params: { token: used.token } })).status).toBe(200);
    expect(await readInvitationByToken({ token: used.token })).toMatchObject({ status: "accepted" });

    const withdrawn = await invited();
    const revoked = await callRoute(revokeRoute, "DELETE", `/api/v1/workspaces/${withdrawn.workspaceId}/invitations/${withdrawn.invitation.id}`, {
      as: withdrawn.owner,
      params: { workspaceId: withdrawn.workspaceId, invitationId: withdrawn.invitation.id },
    });
    expect(revoked.status).toBe(204);
    expect(await readInvitationByToken({ token: withdrawn.token })).toMatchObject({ status: "revoked" });

    const lapsed = await invited();
    await db.invitation.update({ where: { id: lapsed.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readInvitationByToken({ token: lapsed.token })).toMatchObject({ status: "expired" });
  });
});
