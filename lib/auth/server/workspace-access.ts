import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, MINIMUM_ROLE, type WorkspaceAction } from "@/lib/auth/permissions";
import { db, type DbTransaction } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";

export type WorkspaceAccess = { workspaceId: string; role: Role; isBlindReview: boolean };

/**
 * The first call of every workspace use case. A non-member gets the same 404 as a missing
 * workspace, so foreign ids are never confirmed; a member whose role is too low gets a 403.
 */
export async function requireWorkspaceAccess(
  actor: Actor,
  workspaceId: string,
  action: WorkspaceAction,
  client: DbTransaction | typeof db = db,
): Promise<WorkspaceAccess> {
  const membership = await client.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
    select: { role: true, workspace: { select: { isBlindReview: true } } },
  });
  if (!membership) throw notFound("This workspace");
  assertRoleAllows(membership.role, action);
  return { workspaceId, role: membership.role, isBlindReview: membership.workspace.isBlindReview };
}

/** The 403 for a member whose role is below what the action needs. */
export function assertRoleAllows(role: Role, action: WorkspaceAction): void {
  if (can(role, action)) return;
  throw new AppError(
    "forbidden",
    `Your role in this workspace is ${role}; this needs ${MINIMUM_ROLE[action]} or higher. Ask an owner to change your role.`,
  );
}
