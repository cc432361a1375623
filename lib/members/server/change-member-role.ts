import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { ChangeMemberRoleInput, Member } from "@/lib/members/member.schemas";
import { countOwners, lastOwnerConflict, requireLockedWorkspaceAccess } from "@/lib/members/server/membership-lock";
import { memberSelect, toMember } from "@/lib/members/server/member-view";

/** Sets a member's role (owners only); the last owner cannot be demoted, even by themselves. */
export async function changeMemberRole({
  actor,
  workspaceId,
  userId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  userId: string;
  input: ChangeMemberRoleInput;
}): Promise<Member> {
  return db.$transaction(async (tx) => {
    await requireLockedWorkspaceAccess(tx, actor, workspaceId, "member.manage");
    const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: memberSelect });
    if (!member) throw notFound("This member");
    if (member.role === input.role) return toMember(member);
    if (member.role === "owner" && (await countOwners(tx, workspaceId)) <= 1) {
      throw lastOwnerConflict("demote", { name: member.user.name, isSelf: userId === actor.userId });
    }
    const updated = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId } },
      data: { role: input.role },
      select: memberSelect,
    });
    await recordAuditEvents(tx, [
      {
        workspaceId,
        actorId: actor.userId,
        entityType: "membership",
        entityId: userId,
        action: "member.role_changed",
        field: "role",
        before: member.role,
        after: input.role,
      },
    ]);
    return toMember(updated);
  });
}
