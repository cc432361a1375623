import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import type { Publication } from "@/lib/publishing/publishing.schemas";
import { expirePublicPages } from "@/lib/publishing/server/public-cache";
import { publicationSelect, toPublication } from "@/lib/publishing/server/publication-view";

/** Withdraws a published fact-check: its page answers 410 with the date, never a silent 404. */
export async function withdrawPublication({ actor, claimId }: { actor: Actor; claimId: string }): Promise<Publication> {
  const { claim } = await requireClaimAccess(actor, claimId, "claim.publish", { includeDeleted: true });
  return db.$transaction(async (tx) => {
    const existing = await tx.publication.findUnique({ where: { claimId }, select: publicationSelect });
    if (!existing) throw notFound("A publication of this claim");
    if (existing.withdrawnAt) throw new AppError("conflict", `This fact-check was already withdrawn on ${existing.withdrawnAt.toISOString()}.`);
    const row = await tx.publication.update({
      where: { claimId },
      data: { withdrawnAt: new Date(), withdrawnById: actor.userId },
      select: publicationSelect,
    });
    await recordAuditEvents(tx, [
      { workspaceId: claim.workspaceId, actorId: actor.userId, entityType: "claim", entityId: claimId, claimId, action: "claim.withdrawn", before: { slug: row.slug } },
    ]);
    expirePublicPages({ slug: row.slug, passageId: claim.passageId, workspaceId: claim.workspaceId });
    return toPublication(row);
  });
}
