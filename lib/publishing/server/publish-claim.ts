import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { lockClaimRow } from "@/lib/claims/server/lock-claim-for-content-change";
import { db, type DbTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import type { Publication } from "@/lib/publishing/publishing.schemas";
import { expirePublicPages } from "@/lib/publishing/server/public-cache";
import { publicationSelect, toPublication } from "@/lib/publishing/server/publication-view";
import { slugCandidate, slugify } from "@/lib/publishing/slug";

const SLUG_ATTEMPTS = 20;

/**
 * Makes a verified claim with a verdict a public fact-check at /fact-checks/{slug}. Publishing a
 * withdrawn one again republishes it under its old address; publishing a published one changes nothing.
 */
export async function publishClaim({ actor, claimId }: { actor: Actor; claimId: string }): Promise<{ publication: Publication; isNew: boolean }> {
  const { claim } = await requireClaimAccess(actor, claimId, "claim.publish");
  return db.$transaction(async (tx) => {
    // The claim's state is read under its lock, so it cannot be reopened while this publishes it.
    await lockClaimRow(tx, claimId);
    const current = await tx.claim.findUnique({ where: { id: claimId }, select: { state: true, verdict: true, statement: true, passageId: true } });
    if (!current) throw notFound("This claim");
    if (current.state !== "verified") {
      throw new AppError("conflict", `Only verified claims are published, and this one is ${current.state.replace("_", " ")}. Verify it first.`);
    }
    if (!current.verdict) throw new AppError("conflict", "A fact-check says whether the claim holds: give this claim a verdict before publishing it.");

    const existing = await tx.publication.findUnique({ where: { claimId }, select: publicationSelect });
    if (existing && !existing.withdrawnAt) return { publication: toPublication(existing), isNew: false };

    const now = new Date();
    const row = existing
      ? await tx.publication.update({
          where: { claimId },
          data: { withdrawnAt: null, withdrawnById: null, modifiedAt: now, publishedById: actor.userId },
          select: publicationSelect,
        })
      : await insertWithFreeSlug(tx, { claimId, workspaceId: claim.workspaceId, publishedById: actor.userId, base: slugify(current.statement), now });
    await recordAuditEvents(tx, [
      {
        workspaceId: claim.workspaceId,
        actorId: actor.userId,
        entityType: "claim",
        entityId: claimId,
        claimId,
        action: existing ? "claim.republished" : "claim.published",
        after: { slug: row.slug },
      },
    ]);
    expirePublicPages({ slug: row.slug, passageId: current.passageId, workspaceId: claim.workspaceId });
    return { publication: toPublication(row), isNew: !existing };
  });
}

/**
 * Takes the statement's slug, or the first free slug-2, slug-3… Two claims published at once with the
 * same words both find a free candidate: the insert skips a taken slug (ON CONFLICT DO NOTHING, which
 * keeps the transaction usable) and the next candidate is tried.
 */
async function insertWithFreeSlug(
  tx: DbTransaction,
  input: { claimId: string; workspaceId: string; publishedById: string; base: string; now: Date },
) {
  const taken = new Set(
    (await tx.publication.findMany({ where: { slug: { startsWith: input.base } }, select: { slug: true } })).map((row) => row.slug),
  );
  let attempt = 1;
  for (let tries = 0; tries < SLUG_ATTEMPTS; tries++) {
    while (taken.has(slugCandidate(input.base, attempt))) attempt++;
    const slug = slugCandidate(input.base, attempt);
    const inserted = await tx.publication.createMany({
      data: [{ claimId: input.claimId, workspaceId: input.workspaceId, slug, publishedById: input.publishedById, firstPublishedAt: input.now, modifiedAt: input.now }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return tx.publication.findUniqueOrThrow({ where: { claimId: input.claimId }, select: publicationSelect });
    taken.add(slug);
  }
  throw new AppError("conflict", "Could not find a free public address for this claim; try again.");
}
