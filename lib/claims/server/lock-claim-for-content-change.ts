import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import type { DbTransaction } from "@/lib/db";
import type { ReviewState, Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/http/errors";
import { checkContentChange, decisionOf } from "@/lib/review/review-state";

/**
 * Locks a claim's row for the rest of the transaction and returns its state (null when there is no
 * such claim). Every write that reads a claim's state or evidence before changing it takes this lock
 * first, so concurrent writers queue in one order.
 */
export async function lockClaimRow(tx: DbTransaction, claimId: string): Promise<ReviewState | null> {
  const [row] = await tx.$queryRaw<{ state: ReviewState }[]>`SELECT state::text AS state FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  return row?.state ?? null;
}

/**
 * The first step of a change to a claim's evidence, in its transaction: locks the claim row (so it
 * cannot be verified halfway through), refuses the change on a decided claim to anyone who may not
 * decide it. The caller calls the returned `reopen` once it has changed something: a decided claim
 * then moves back to in review, audited like any state change, so it is decided again.
 */
export async function lockClaimForContentChange(
  tx: DbTransaction,
  { actor, claimId, workspaceId, role }: { actor: Actor; claimId: string; workspaceId: string; role: Role },
): Promise<{ reopen: () => Promise<void> }> {
  const state = await lockClaimRow(tx, claimId);
  if (!state) throw notFound("This claim");
  const check = checkContentChange({ state, role });
  if (!check.ok) throw new AppError(check.code, check.message);
  const reopensTo = check.reopensTo;
  if (!reopensTo) return { reopen: async () => undefined };
  return {
    reopen: async () => {
      await tx.claim.update({ where: { id: claimId }, data: { state: reopensTo, ...decisionOf(reopensTo, actor.userId, new Date()), version: { increment: 1 } } });
      await recordAuditEvents(tx, [
        {
          workspaceId,
          actorId: actor.userId,
          entityType: "claim",
          entityId: claimId,
          claimId,
          action: "claim.state_changed",
          field: "state",
          before: state,
          after: reopensTo,
        },
      ]);
    },
  };
}
