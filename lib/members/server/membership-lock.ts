import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WorkspaceAction } from "@/lib/auth/permissions";
import { requireWorkspaceAccess, type WorkspaceAccess } from "@/lib/auth/server/workspace-access";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/**
 * Locks a workspace's memberships for the rest of `tx`: every change of who is a member (role
 * changes, removals, accepted invitations) takes this lock first, so they run one after another
 * and an owner count read after it stays true until commit. FOR NO KEY UPDATE leaves inserts of
 * passages and claims (which take KEY SHARE locks on the workspace) unblocked.
 */
export async function lockWorkspaceMemberships(tx: DbTransaction, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR NO KEY UPDATE`;
}

/** The caller's access checked before the lock (non-members never take it) and again under it. */
export async function requireLockedWorkspaceAccess(
  tx: DbTransaction,
  actor: Actor,
  workspaceId: string,
  action: WorkspaceAction,
): Promise<WorkspaceAccess> {
  await requireWorkspaceAccess(actor, workspaceId, action, tx);
  await lockWorkspaceMemberships(tx, workspaceId);
  // A concurrent change may have just lowered or removed the caller's role.
  return requireWorkspaceAccess(actor, workspaceId, action, tx);
}

export function countOwners(tx: DbTransaction, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "owner" } });
}

const LAST_OWNER_MESSAGES = {
  demote: (name: string, isSelf: boolean) =>
    isSelf
      ? "You are the last owner of this workspace, so your role cannot be lowered. Make another member an owner first."
      : `${name} is the last owner of this workspace, so their role cannot be lowered. Make another member an owner first.`,
  remove: (name: string, isSelf: boolean) =>
    isSelf
      ? "You are the last owner of this workspace and cannot leave it. Make another member an owner first, then leave."
      : `${name} is the last owner of this workspace and cannot be removed. Make another member an owner first.`,
};

/** A workspace always keeps at least one owner; this is the 409 for a change that would leave none. */
export function lastOwnerConflict(change: keyof typeof LAST_OWNER_MESSAGES, member: { name: string; isSelf: boolean }): AppError {
  return new AppError("conflict", LAST_OWNER_MESSAGES[change](member.name, member.isSelf), { details: { reason: "last_owner" } });
}
