import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import type { Claim } from "@/lib/claims/claim.schemas";
import { isRestorable, requireClaimAccess } from "@/lib/claims/server/claim-access";
import { getClaim } from "@/lib/claims/server/get-claim";
import { db } from "@/lib/db";
import { expirePublicPagesOf } from "@/lib/publishing/server/public-cache";
import { AppError } from "@/lib/http/errors";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";

export async function restoreClaim({ actor, claimId }: { actor: Actor; claimId: string }): Promise<Claim> {
  const { claim } = await requireClaimAccess(actor, claimId, "claim.restore", { includeDeleted: true });
  if (claim.deletedAt) {
    if (!isRestorable(claim.deletedAt)) {
      throw new AppError("gone", `This claim was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`);
    }
    await db.$transaction(async (tx) => {
      await tx.claim.update({ where: { id: claimId }, data: { deletedAt: null, deletedById: null, version: { increment: 1 } } });
      await expirePublicPagesOf(tx, { claimId });
      await recordAuditEvents(tx, [
        { workspaceId: claim.workspaceId, actorId: actor.userId, entityType: "claim", entityId: claimId, claimId, action: "claim.restored" },
      ]);
    });
  }
  return getClaim({ actor, claimId });
}
