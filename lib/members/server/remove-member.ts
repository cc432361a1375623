import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { countOwners, lastOwnerConflict, requireLockedWorkspaceAccess } from "@/lib/members/server/membership-lock";
import { memberSelect } from "@/lib/members/server/member-view";

/**
 * Removes a member (owners only), or lets any member leave by removing themselves. The last owner
 * can do neither: a workspace always keeps an owner who can manage it.
 */
export async function removeMember({ actor, workspaceId, userId }: { actor: Actor; workspaceId: string; userId: string }): Promise<void> {
  const isLeaving = userId === actor.userId;
  await db.$transaction(async (tx) => {
    await requireLockedWorkspaceAccess(tx, actor, workspaceId, isLeaving ? "workspace.read" : "member.manage");
    const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: memberSelect });
    if (!member) throw notFound("This member");
    if (member.role === "owner" && (await countOwners(tx, workspaceId)) <= 1) {
      throw lastOwnerConflict("remove", { name: member.user.name, isSelf: isLeaving });
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    await recordAuditEvents(tx, [
      {
        workspaceId,
        actorId: actor.userId,
        entityType: "membership",
        entityId: userId,
        action: isLeaving ? "member.left" : "member.removed",
        before: { role: member.role, email: member.user.email, name: member.user.name },
      },
    ]);
  });
}
