import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";

/** Withdraws an invitation (owners only) so its link answers 410; withdrawing twice changes nothing. */
export async function revokeInvitation({ actor, workspaceId, invitationId }: { actor: Actor; workspaceId: string; invitationId: string }): Promise<void> {
  await requireWorkspaceAccess(actor, workspaceId, "member.manage");
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId }, select: { email: true, role: true, acceptedAt: true } });
    if (!invitation) throw notFound("This invitation");
    if (count === 0 && invitation.acceptedAt) {
      throw new AppError("conflict", `This invitation was already accepted. To take away access, remove the member from the members list.`);
    }
    if (count === 0) return;
    await recordAuditEvents(tx, [
      {
        workspaceId,
        actorId: actor.userId,
        entityType: "invitation",
        entityId: invitationId,
        action: "invitation.revoked",
        before: { email: invitation.email, role: invitation.role },
      },
    ]);
  });
}
