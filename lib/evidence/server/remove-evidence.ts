import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { lockClaimForContentChange } from "@/lib/claims/server/lock-claim-for-content-change";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { recordCorrection } from "@/lib/publishing/server/record-correction";

/** Unlinks evidence from a claim (soft delete, recorded in the claim's history). */
export async function removeEvidence({
  actor,
  claimId,
  linkId,
  correctionNote,
}: {
  actor: Actor;
  claimId: string;
  linkId: string;
  /** Required when the claim is published: the public note of the correction this unlinking is. */
  correctionNote?: string;
}): Promise<void> {
  const { claim, role } = await requireClaimAccess(actor, claimId, "evidence.add");
  await db.$transaction(async (tx) => {
    const { reopen } = await lockClaimForContentChange(tx, { actor, claimId, workspaceId: claim.workspaceId, role });
    const link = await tx.claimEvidence.findFirst({
      where: { id: linkId, claimId },
      select: { id: true, deletedAt: true, stance: true, evidenceId: true, evidence: { select: { url: true, title: true } } },
    });
    if (!link) throw notFound("This evidence link");
    if (link.deletedAt) throw new AppError("gone", "This evidence link was already removed.");
    await tx.claimEvidence.update({ where: { id: linkId }, data: { deletedAt: new Date(), deletedById: actor.userId } });
    await reopen();
    const publicEvidence = { stance: link.stance, url: link.evidence.url, title: link.evidence.title };
    await recordCorrection(tx, { actor, claimId, note: correctionNote, changes: [{ field: "evidence", before: publicEvidence, after: null }] });
    await recordAuditEvents(tx, [
      {
        workspaceId: claim.workspaceId,
        actorId: actor.userId,
        entityType: "evidence",
        entityId: linkId,
        claimId,
        action: "evidence.unlinked",
        before: { stance: link.stance, evidenceId: link.evidenceId },
      },
    ]);
  });
}
