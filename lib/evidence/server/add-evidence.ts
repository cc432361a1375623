import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { anchorByPosition } from "@/lib/claims/anchoring";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { lockClaimForContentChange } from "@/lib/claims/server/lock-claim-for-content-change";
import { evidenceLinkSelect, toEvidenceLink } from "@/lib/claims/server/claim-view";
import { db, type DbTransaction } from "@/lib/db";
import type { AddEvidenceInput, EvidenceLink } from "@/lib/evidence/evidence.schemas";
import { AppError, notFound } from "@/lib/http/errors";
import { recordCorrection } from "@/lib/publishing/server/record-correction";
import { enqueueJobsInTransaction } from "@/lib/jobs/server/enqueue-jobs-in-transaction";
import { captureEvidenceJob } from "@/lib/evidence/server/capture-evidence";

/** The form a URL is stored in, so the same page added twice is one evidence record. */
export function canonicalUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.toString();
}

/** Links a web source, or a span of another passage of the same workspace, to a claim. */
export async function addEvidence({ actor, claimId, input }: { actor: Actor; claimId: string; input: AddEvidenceInput }): Promise<EvidenceLink> {
  const { claim, role } = await requireClaimAccess(actor, claimId, "evidence.add");
  return db.$transaction(async (tx) => {
    const { reopen } = await lockClaimForContentChange(tx, { actor, claimId, workspaceId: claim.workspaceId, role });
    const evidenceId = input.url ? await upsertWebEvidence(tx, claim.workspaceId, actor.userId, input) : await createSpanEvidence(tx, claim.workspaceId, claimId, actor.userId, input);
    if (input.url) await queueCapture(tx, claim.workspaceId, actor.userId, evidenceId);
    // ON CONFLICT DO NOTHING against the one-live-link index: a concurrent link of the same evidence waits, then inserts nothing.
    const inserted = await tx.claimEvidence.createMany({
      data: [{ workspaceId: claim.workspaceId, claimId, evidenceId, stance: input.stance, note: input.note, createdById: actor.userId }],
      skipDuplicates: true,
    });
    const link = await tx.claimEvidence.findFirstOrThrow({ where: { claimId, evidenceId, deletedAt: null }, select: evidenceLinkSelect });
    if (inserted.count === 0) throw new AppError("conflict", "This evidence is already linked to the claim.", { details: { linkId: link.id } });
    await reopen();
    const publicEvidence = { stance: input.stance, url: link.evidence.url, title: link.evidence.title };
    await recordCorrection(tx, { actor, claimId, note: input.correctionNote, changes: [{ field: "evidence", before: null, after: publicEvidence }] });
    await recordAuditEvents(tx, [
      {
        workspaceId: claim.workspaceId,
        actorId: actor.userId,
        entityType: "evidence",
        entityId: link.id,
        claimId,
        action: "evidence.linked",
        after: { stance: input.stance, url: link.evidence.url, title: link.evidence.title, passageId: link.evidence.passageId },
      },
    ]);
    return toEvidenceLink(link);
  });
}

/** The first link of a web source queues its capture (with the link, in one transaction); later links reuse it. */
async function queueCapture(tx: DbTransaction, workspaceId: string, userId: string, evidenceId: string): Promise<void> {
  const claimed = await tx.evidence.updateManyAndReturn({ where: { id: evidenceId, captureStatus: null }, data: { captureStatus: "pending" }, select: { url: true } });
  const url = claimed[0]?.url;
  if (url) await enqueueJobsInTransaction(tx, captureEvidenceJob, [{ workspaceId, createdById: userId, payload: { evidenceId, url } }]);
}

/** Finds or creates the workspace's record of a URL; ON CONFLICT DO NOTHING, so concurrent adds of one new URL make one record. */
async function upsertWebEvidence(tx: DbTransaction, workspaceId: string, userId: string, input: AddEvidenceInput): Promise<string> {
  const url = canonicalUrl(input.url ?? "");
  await tx.evidence.createMany({
    data: [
      {
        workspaceId,
        kind: "web",
        url,
        title: input.title,
        publisher: input.publisher,
        quote: input.quote,
        accessedAt: input.accessedAt ? new Date(input.accessedAt) : new Date(),
        createdById: userId,
      },
    ],
    skipDuplicates: true,
  });
  const evidence = await tx.evidence.findUniqueOrThrow({ where: { workspaceId_url: { workspaceId, url } }, select: { id: true } });
  return evidence.id;
}

/**
 * A span of a passage is a record of its own for each link (it quotes the passage as it was then), so
 * the same span linked to the claim again is found through the claim's live links; the claim's row
 * lock (lockClaimForContentChange) makes that check and the insert one step, concurrent adds included.
 */
async function createSpanEvidence(tx: DbTransaction, workspaceId: string, claimId: string, userId: string, input: AddEvidenceInput): Promise<string> {
  const passage = await tx.passage.findFirst({ where: { id: input.passageId, workspaceId, deletedAt: null }, select: { id: true, text: true, title: true } });
  if (!passage) throw notFound("The evidence passage");
  const anchor = anchorByPosition(passage.text, { start: input.start ?? 0, end: input.end ?? 0 });
  if (!anchor.ok) {
    throw new AppError("validation_failed", `The evidence span cannot be placed: ${anchor.reason}`, { details: [{ path: ["body", "start"], message: anchor.reason }] });
  }
  const linked = await tx.claimEvidence.findFirst({
    where: { claimId, deletedAt: null, evidence: { kind: "passage", passageId: passage.id, ...anchor.target.position } },
    select: { id: true },
  });
  if (linked) throw new AppError("conflict", "This span of the passage is already linked to the claim.", { details: { linkId: linked.id } });
  const evidence = await tx.evidence.create({
    data: {
      workspaceId,
      kind: "passage",
      passageId: passage.id,
      ...anchor.target.position,
      quote: anchor.target.quote.exact,
      title: input.title ?? passage.title,
      createdById: userId,
    },
    select: { id: true },
  });
  return evidence.id;
}
