import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { findInvitationByToken, invitationGone, invitationStatus, type InvitationStatus } from "@/lib/invitations/server/invitation-state";

export type InvitationPreview = {
  workspace: { id: string; name: string };
  inviterName: string;
  role: Role;
  email: string;
  expiresAt: string;
  status: InvitationStatus;
  /** Why it can no longer be accepted, for a person; null while pending. */
  problem: string | null;
  /** The caller's role in the workspace when they are already a member. */
  currentRole: Role | null;
};

/** What the invitation page shows to a signed-in holder of the link; unknown links are a 404. */
export async function getInvitationPreview({ actor, token }: { actor: Actor; token: string }): Promise<InvitationPreview> {
  const invitation = await findInvitationByToken(db, token);
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: actor.userId } },
    select: { role: true },
  });
  return {
    workspace: invitation.workspace,
    inviterName: invitation.invitedBy.name,
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
    status: invitationStatus(invitation),
    problem: invitationGone(invitation, actor.userId)?.message ?? null,
    currentRole: membership?.role ?? null,
  };
}
