import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { WorkspaceAction } from "@/lib/auth/permissions";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import { db, type DbTransaction } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";
import { restorableUntil } from "@/lib/workspaces/restore-window";

export type ClaimAccess = {
  claim: { id: string; workspaceId: string; passageId: string; deletedAt: Date | null; passageDeletedAt: Date | null };
  role: Role;
  /** Whether the workspace runs blind double review, where reviewers vote instead of labelling. */
  isBlindReview: boolean;
  /** Whether whoever verifies a claim must not be its creator or the last to change its label or statement. */
  isSecondVerifierRequired: boolean;
};

/**
 * Finds a claim through the caller's memberships in one query: a claim of a workspace the caller
 * is not in is as missing as one that never existed (404). Deleted claims, or claims of deleted
 * passages, answer 410 unless `includeDeleted`.
 */
export async function requireClaimAccess(
  actor: Actor,
  claimId: string,
  action: WorkspaceAction,
  options: { client?: DbTransaction | typeof db; includeDeleted?: boolean } = {},
): Promise<ClaimAccess> {
  const client = options.client ?? db;
  const row = await client.claim.findFirst({
    where: { id: claimId, workspace: { memberships: { some: { userId: actor.userId } } } },
    select: {
      id: true,
      workspaceId: true,
      passageId: true,
      deletedAt: true,
      passage: { select: { deletedAt: true } },
      workspace: { select: { isBlindReview: true, isSecondVerifierRequired: true, memberships: { where: { userId: actor.userId }, select: { role: true } } } },
    },
  });
  const role = row?.workspace.memberships[0]?.role;
  if (!row || !role) throw notFound("This claim");
  assertClaimAccessible({ role, deletedAt: options.includeDeleted ? null : row.deletedAt, passageDeletedAt: options.includeDeleted ? null : row.passage.deletedAt }, action);
  return {
    claim: { id: row.id, workspaceId: row.workspaceId, passageId: row.passageId, deletedAt: row.deletedAt, passageDeletedAt: row.passage.deletedAt },
    role,
    isBlindReview: row.workspace.isBlindReview,
    isSecondVerifierRequired: row.workspace.isSecondVerifierRequired,
  };
}

/**
 * requireClaimAccess's answers for a claim the caller's statement found with the caller's role: 403
 * when the role may not do `action`, 410 when the claim or its passage is deleted. (No row at all is
 * the caller's 404.)
 */
export function assertClaimAccessible(found: { role: Role; deletedAt: Date | null; passageDeletedAt: Date | null }, action: WorkspaceAction): void {
  assertRoleAllows(found.role, action);
  if (found.deletedAt || found.passageDeletedAt) {
    throw claimGone(found.deletedAt ?? found.passageDeletedAt ?? new Date(), found.deletedAt ? "claim" : "passage");
  }
}

export function isRestorable(deletedAt: Date): boolean {
  return Date.now() <= restorableUntil(deletedAt).getTime();
}

export function claimGone(deletedAt: Date, what: "claim" | "passage"): AppError {
  const until = restorableUntil(deletedAt).toISOString().slice(0, 10);
  return new AppError(
    "gone",
    what === "claim"
      ? `This claim was deleted. An editor can restore it until ${until}.`
      : `This claim's passage was deleted. An editor can restore the passage until ${until}.`,
    { details: { deletedAt: deletedAt.toISOString() } },
  );
}
