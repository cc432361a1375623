import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { emitWebhookEvent } from "@/lib/webhooks/server/emit-webhook-event";
import { configuredPublicOrigin } from "@/lib/http/client-address";
import { factCheckPath } from "@/lib/publishing/slug";
import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { CorrectionChange } from "@/lib/publishing/publishing.schemas";
import { expirePublicPages } from "@/lib/publishing/server/public-cache";

/** The claim fields its fact-check page shows; a change to any of them on a published claim is a correction. */
const PUBLIC_CLAIM_FIELDS = ["verdict", "verdictNote", "statement"] as const;

/** The corrected fields as a person says them. */
const CORRECTED_FIELD_WORDS: Record<string, string> = { verdict: "verdict", verdictNote: "verdict note", statement: "statement", evidence: "evidence" };

/** The public fields among a claim update's changes, with their values before and after. */
export function correctionChangesOf(before: object, changes: object): CorrectionChange[] {
  const old = before as Record<string, unknown>;
  const next = changes as Record<string, unknown>;
  return PUBLIC_CLAIM_FIELDS.filter((field) => next[field] !== undefined).map((field) => ({ field, before: old[field] ?? null, after: next[field] ?? null }));
}

/**
 * The one step every change to a claim's public content takes, inside the change's transaction: on a
 * published (not withdrawn) claim it refuses a change without a public note, records the correction,
 * moves the page's dateModified and expires its cached pages. On any other claim it does nothing.
 */
export async function recordCorrection(
  tx: DbTransaction,
  { actor, claimId, note, changes }: { actor: Actor; claimId: string; note: string | undefined; changes: CorrectionChange[] },
): Promise<void> {
  if (changes.length === 0) return;
  const publication = await tx.publication.findUnique({
    where: { claimId },
    select: { slug: true, withdrawnAt: true, workspaceId: true, claim: { select: { passageId: true } } },
  });
  if (!publication || publication.withdrawnAt) return;
  if (!note) {
    const fields = changes.map((change) => CORRECTED_FIELD_WORDS[change.field] ?? change.field).join(", ");
    const message = `This claim is published, so changing its ${fields} is a public correction: write a public correction note (correctionNote) saying what changed and why; the fact-check page shows it.`;
    throw new AppError("conflict", message, { details: [{ path: ["body", "correctionNote"], message }] });
  }
  const now = new Date();
  const correction = await tx.correction.create({
    select: { id: true },
    data: { workspaceId: publication.workspaceId, claimId, note, changes: changes as unknown as Prisma.InputJsonValue, createdById: actor.userId, createdAt: now },
  });
  await tx.publication.update({ where: { claimId }, data: { modifiedAt: now } });
  await recordAuditEvents(tx, [
    {
      workspaceId: publication.workspaceId,
      actorId: actor.userId,
      entityType: "claim",
      entityId: claimId,
      claimId,
      action: "claim.corrected",
      after: { note, fields: changes.map((change) => change.field) },
    },
  ]);
  await emitWebhookEvent(tx, {
    workspaceId: publication.workspaceId,
    type: "claim.corrected",
    payload: {
      claim: { id: claimId, passageId: publication.claim.passageId },
      correction: { id: correction.id, note, changes, createdAt: now.toISOString() },
      publication: { slug: publication.slug, url: `${configuredPublicOrigin() ?? ""}${factCheckPath(publication.slug)}` },
    },
  });
  expirePublicPages({ slug: publication.slug, passageId: publication.claim.passageId, workspaceId: publication.workspaceId });
}
