import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { AcceptedInvitation } from "@/lib/invitations/invitation.schemas";
import { findInvitationByToken, invitationGone } from "@/lib/invitations/server/invitation-state";
import { lockWorkspaceMemberships } from "@/lib/members/server/membership-lock";

/**
 * Joins the caller to the invitation's workspace with the invited role. Whoever holds the link may
 * accept it (the accepting user is recorded), once; an existing member keeps their role (409).
 */
export async function acceptInvitation({ actor, token }: { actor: Actor; token: string }): Promise<AcceptedInvitation> {
  return db.$transaction(async (tx) => {
    const found = await findInvitationByToken(tx, token);
    await lockWorkspaceMemberships(tx, found.workspaceId);
    // Read again under the lock: a concurrent accept or revoke has finished by now.
    const invitation = await findInvitationByToken(tx, token);
    const gone = invitationGone(invitation, actor.userId);
    if (gone) throw gone;

    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: actor.userId } },
      select: { role: true },
    });
    if (membership) {
      throw new AppError(
        "conflict",
        `You are already a member of “${invitation.workspace.name}” (${membership.role}). The invitation was left unused; ask an owner if your role should change.`,
        { details: { workspaceId: invitation.workspaceId, role: membership.role } },
      );
    }

    const now = new Date();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: actor.userId },
    });
    if (count === 0) throw invitationGone(await findInvitationByToken(tx, token), actor.userId) ?? new AppError("gone", "This invitation can no longer be used.");
    await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId: actor.userId, role: invitation.role } });
    await recordAuditEvents(tx, [
      {
        workspaceId: invitation.workspaceId,
        actorId: actor.userId,
        entityType: "invitation",
        entityId: invitation.id,
        action: "invitation.accepted",
        after: { acceptedById: actor.userId, acceptedByEmail: actor.email, invitedEmail: invitation.email },
      },
      {
        workspaceId: invitation.workspaceId,
        actorId: actor.userId,
        entityType: "membership",
        entityId: actor.userId,
        action: "member.joined",
        after: { role: invitation.role, invitationId: invitation.id },
      },
    ]);
    return { workspace: invitation.workspace, role: invitation.role };
  });
}
