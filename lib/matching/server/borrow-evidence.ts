import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { lockClaimForContentChange } from "@/lib/claims/server/lock-claim-for-content-change";
import { evidenceLinkSelect, toEvidenceLink } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import type { BorrowEvidenceInput, BorrowEvidenceResult } from "@/lib/matching/matching.schemas";
import { STATE_DISPLAY } from "@/lib/claims/label-display";
import { recordCorrection } from "@/lib/publishing/server/record-correction";

/**
 * Links the evidence of a verified claim of the same workspace to this claim, with the same stance
 * and note. Evidence the claim already has is skipped, so asking twice changes nothing.
 */
export async function borrowEvidence({ actor, claimId, input }: { actor: Actor; claimId: string; input: BorrowEvidenceInput }): Promise<BorrowEvidenceResult> {
  const { claim, role } = await requireClaimAccess(actor, claimId, "evidence.add");
  if (input.fromClaimId === claimId) {
    const message = "Choose another claim: a claim already has its own evidence.";
    throw new AppError("validation_failed", message, { details: [{ path: ["body", "fromClaimId"], message }] });
  }
  return db.$transaction(async (tx) => {
    // Concurrent borrows for the same claim wait here, so neither links an evidence record twice.
    const { reopen } = await lockClaimForContentChange(tx, { actor, claimId, workspaceId: claim.workspaceId, role });
    const source = await tx.claim.findFirst({
      where: { id: input.fromClaimId, workspaceId: claim.workspaceId, deletedAt: null, passage: { deletedAt: null } },
      select: {
        id: true,
        state: true,
        evidence: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { evidenceId: true, stance: true, note: true } },
      },
    });
    if (!source) throw notFound("The claim to take evidence from");
    if (source.state !== "verified") {
      throw new AppError(
        "conflict",
        `Only a verified claim's evidence can be reused, and that claim is ${STATE_DISPLAY[source.state].toLowerCase()}. Link the evidence yourself, or wait until an editor verifies it.`,
      );
    }
    const present = await tx.claimEvidence.findMany({ where: { claimId, deletedAt: null }, select: { evidenceId: true } });
    const linked = new Set(present.map((link) => link.evidenceId));
    const created = [];
    for (const link of source.evidence) {
      if (linked.has(link.evidenceId)) continue;
      linked.add(link.evidenceId);
      created.push(
        await tx.claimEvidence.create({
          data: { workspaceId: claim.workspaceId, claimId, evidenceId: link.evidenceId, stance: link.stance, note: link.note, createdById: actor.userId },
          select: evidenceLinkSelect,
        }),
      );
    }
    if (created.length > 0) await reopen();
    await recordCorrection(tx, {
      actor,
      claimId,
      note: input.correctionNote,
      changes: created.map((link) => ({ field: "evidence", before: null, after: { stance: link.stance, url: link.evidence.url, title: link.evidence.title } })),
    });
    await recordAuditEvents(
      tx,
      created.map((link) => ({
        workspaceId: claim.workspaceId,
        actorId: actor.userId,
        entityType: "evidence" as const,
        entityId: link.id,
        claimId,
        action: "evidence.linked",
        after: { stance: link.stance, url: link.evidence.url, title: link.evidence.title, passageId: link.evidence.passageId, borrowedFromClaimId: source.id },
      })),
    );
    return { items: created.map(toEvidenceLink), skippedCount: source.evidence.length - created.length };
  });
}
