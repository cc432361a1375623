import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { db } from "@/lib/db";
import { expirePublicPagesOf } from "@/lib/publishing/server/public-cache";

/** Soft delete: the claim leaves lists and exports; an editor can restore it for 30 days. */
export async function deleteClaim({ actor, claimId }: { actor: Actor; claimId: string }): Promise<void> {
  const { claim } = await requireClaimAccess(actor, claimId, "claim.delete");
  await db.$transaction(async (tx) => {
    await tx.claim.update({ where: { id: claimId }, data: { deletedAt: new Date(), deletedById: actor.userId, version: { increment: 1 } } });
    await expirePublicPagesOf(tx, { claimId });
    await recordAuditEvents(tx, [
      { workspaceId: claim.workspaceId, actorId: actor.userId, entityType: "claim", entityId: claimId, claimId, action: "claim.deleted" },
    ]);
  });
}
