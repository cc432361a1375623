import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CorrectionChange } from "@/lib/publishing/publishing.schemas";
import type { PublicFactCheck, PublicFactCheckLookup, PublicRating } from "@/lib/publishing/public-fact-check";

const ratingSelect = { key: true, name: true, description: true, value: true } as const;

/** The workspace's ratings in scale order, and the span of their values. */
export function scaleOf(ratings: PublicRating[]): PublicFactCheck["scale"] {
  const values = ratings.map((rating) => rating.value).filter((value): value is number => value !== null);
  return values.length ? { best: Math.max(...values), worst: Math.min(...values) } : null;
}

export const publicClaimSelect = {
  id: true,
  statement: true,
  exact: true,
  verdictNote: true,
  deletedAt: true,
  rating: { select: ratingSelect },
  passage: { select: { id: true, title: true, sourceUrl: true, author: true, publisher: true, publishedAt: true, language: true, deletedAt: true } },
  evidence: {
    where: { deletedAt: null, evidence: { kind: "web" as const, url: { not: null } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }] as Prisma.ClaimEvidenceOrderByWithRelationInput[],
    select: { stance: true, evidence: { select: { url: true, title: true, publisher: true } } },
  },
  corrections: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] as Prisma.CorrectionOrderByWithRelationInput[], select: { note: true, changes: true, createdAt: true } },
} as const;

export const publicPublicationSelect = {
  slug: true,
  firstPublishedAt: true,
  modifiedAt: true,
  withdrawnAt: true,
  workspace: { select: { id: true, name: true, ratings: { orderBy: { position: "asc" as const }, select: ratingSelect } } },
  claim: { select: publicClaimSelect },
} as const;

type PublicationRow = NonNullable<Awaited<ReturnType<typeof loadPublication>>>;

const loadPublication = (slug: string) => db.publication.findUnique({ where: { slug }, select: publicPublicationSelect });

/**
 * A fact-check as the public reads it, by its slug; needs no actor, because only what publishing made
 * public is read. A withdrawn one, or one whose claim or passage was deleted since, reads as withdrawn.
 */
export async function getPublicFactCheck(slug: string): Promise<PublicFactCheckLookup> {
  const row = await loadPublication(slug);
  if (!row) return null;
  return toPublicFactCheck(row);
}

export function toPublicFactCheck(row: PublicationRow): PublicFactCheckLookup {
  const workspace = { id: row.workspace.id, name: row.workspace.name };
  const { claim } = row;
  const goneAt = row.withdrawnAt ?? claim.deletedAt ?? claim.passage.deletedAt;
  if (goneAt) return { status: "withdrawn", slug: row.slug, withdrawnAt: goneAt.toISOString(), workspace };
  return {
    status: "published",
    slug: row.slug,
    statement: claim.statement,
    quote: claim.exact,
    verdict: claim.rating,
    verdictNote: claim.verdictNote,
    scale: scaleOf(row.workspace.ratings),
    ratings: row.workspace.ratings,
    passage: { ...claim.passage, publishedAt: claim.passage.publishedAt?.toISOString() ?? null },
    evidence: claim.evidence.map((link) => ({ stance: link.stance, url: link.evidence.url ?? "", title: link.evidence.title, publisher: link.evidence.publisher })),
    workspace,
    publishedAt: row.firstPublishedAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    corrections: claim.corrections.map((correction) => ({
      note: correction.note,
      createdAt: correction.createdAt.toISOString(),
      changes: correction.changes as CorrectionChange[],
    })),
  };
}
