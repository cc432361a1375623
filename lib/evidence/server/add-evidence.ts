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
    const evidenceId = input.url ? await upsertWebEvidence(tx, claim.workspaceId, actor.userId, input) : await createSpanEvidence(tx, claim.workspaceId, actor.userId, input);
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

async function createSpanEvidence(tx: DbTransaction, workspaceId: string, userId: string, input: AddEvidenceInput): Promise<string> {
  const passage = await tx.passage.findFirst({ where: { id: input.passageId, workspaceId, deletedAt: null }, select: { id: true, text: true, title: true } });
  if (!passage) throw notFound("The evidence passage");
  const anchor = anchorByPosition(passage.text, { start: input.start ?? 0, end: input.end ?? 0 });
  if (!anchor.ok) {
    throw new AppError("validation_failed", `The evidence span cannot be placed: ${anchor.reason}`, { details: [{ path: ["body", "start"], message: anchor.reason }] });
  }
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
