import { Prisma } from "@/lib/generated/prisma/client";

// The matching statements, kept apart from the use cases so the benchmark can EXPLAIN exactly them.
// Those that walk the GiST index ("workspaceId", "statementNormalized") nearest first (`<->`) cost
// what the claims they return cost, not what every claim that looks a little alike would.

/** How many nearest statements are read before filtering; matches beyond them are too far to show. */
export const NEAREST_CANDIDATES = 50;
/** Near-identical statements are looked for among each new claim's few nearest neighbours. */
export const NEAREST_DUPLICATES = 5;

export type ClaimMatchRow = { id: string; similarity: number };

/**
 * Which of the nearest claims are shown as matches: those at least `threshold` similar, and those
 * whose statement holds every word of this one after stemming (full text with stemming, which
 * catches longer rewordings such as "rates rose" for "rate rose").
 */
function shownMatch(nearest: Prisma.Sql, statement: string, threshold: number): Prisma.Sql {
  return Prisma.sql`(${nearest}.similarity >= ${threshold} OR (${nearest}."searchVector" @@ plainto_tsquery('english'::regconfig, ${statement})
    AND ts_filter(${nearest}."searchVector", '{a}') @@ plainto_tsquery('english'::regconfig, ${statement})))`;
}

/**
 * The live claims nearest to a statement by trigram similarity of the normalized text, walking the
 * GiST index; those shown as matches (`shownMatch`), most similar first. Used while the workspace's
 * in-memory trigram index loads.
 */
export function claimMatchesSql(input: { workspaceId: string; claimId: string; normalized: string; statement: string; threshold: number; limit: number }): Prisma.Sql {
  const { workspaceId, claimId, normalized, statement, threshold, limit } = input;
  return Prisma.sql`
    WITH nearest AS (
      SELECT c.id, c."searchVector", similarity(c."statementNormalized", ${normalized})::float8 AS similarity
      FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId"
      WHERE c."workspaceId" = ${workspaceId} AND c.id <> ${claimId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL
      ORDER BY c."statementNormalized" <-> ${normalized}
      LIMIT ${NEAREST_CANDIDATES}
    )
    SELECT nearest.id, nearest.similarity
    FROM nearest
    WHERE ${shownMatch(Prisma.raw("nearest"), statement, threshold)}
    ORDER BY nearest.similarity DESC, nearest.id
    LIMIT ${limit}`;
}

export type NearestClaimRow = { id: string; similarity: number; shown: boolean };

/**
 * The live claims among `candidates` (nearest first, from the in-memory trigram index), up to
 * NEAREST_CANDIDATES of them, each marked whether it is shown as a match (`shownMatch`). Fewer rows
 * than candidates means some were deleted.
 */
export function nearestLiveClaimsSql(input: { workspaceId: string; statement: string; threshold: number; candidates: readonly ClaimMatchRow[] }): Prisma.Sql {
  const { workspaceId, statement, threshold, candidates } = input;
  return Prisma.sql`
    WITH nearest AS (
      SELECT c.id, c."searchVector", candidate.similarity
      FROM unnest(${candidates.map((candidate) => candidate.id)}::text[], ${candidates.map((candidate) => candidate.similarity)}::float8[])
        WITH ORDINALITY AS candidate(id, similarity, rank)
      JOIN "Claim" c ON c.id = candidate.id JOIN "Passage" p ON p.id = c."passageId"
      WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL
      ORDER BY candidate.rank
      LIMIT ${NEAREST_CANDIDATES}
    )
    SELECT nearest.id, nearest.similarity, ${shownMatch(Prisma.raw("nearest"), statement, threshold)} AS shown
    FROM nearest
    ORDER BY nearest.similarity DESC, nearest.id`;
}

export type DuplicatePair = { claimId: string; otherId: string; similarity: number | null };

const liveClaimsSql = (workspaceId: string) => Prisma.sql`
  SELECT c.id, c."statementNormalized", c."createdAt"
  FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId"
  WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL AND c."statementNormalized" <> ''`;

/** Live claims identical after normalization anywhere in the workspace, each paired with the first of its group. */
const identicalPairsSql = (workspaceId: string) => Prisma.sql`
  SELECT identical.ids[1] AS "claimId", other AS "otherId", 1::float8 AS similarity
  FROM (SELECT array_agg(id ORDER BY id) AS ids FROM (${liveClaimsSql(workspaceId)}) live GROUP BY "statementNormalized" HAVING count(*) > 1) identical
  CROSS JOIN LATERAL unnest(identical.ids[2:]) AS other`;

/** Live claims linked by hand as duplicates of a live claim. */
const linkedPairsSql = (workspaceId: string) => Prisma.sql`
  SELECT c.id AS "claimId", original.id AS "otherId", NULL::float8 AS similarity
  FROM "Claim" c
  JOIN "Passage" p ON p.id = c."passageId"
  JOIN "Claim" original ON original.id = c."duplicateOfId"
  JOIN "Passage" op ON op.id = original."passageId"
  WHERE c."workspaceId" = ${workspaceId} AND c."duplicateOfId" IS NOT NULL
    AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL AND original."deletedAt" IS NULL AND op."deletedAt" IS NULL`;

/**
 * Pairs of live claims that say the same thing: identical after normalization anywhere in the
 * workspace; at least `threshold` similar among the nearest neighbours of the newest `window`
 * claims (walking the GiST index, while the in-memory index loads); or linked by hand.
 */
export function duplicatePairsSql(workspaceId: string, threshold: number, window: number): Prisma.Sql {
  return Prisma.sql`
    WITH recent AS (
      SELECT id, "statementNormalized" FROM (${liveClaimsSql(workspaceId)}) live ORDER BY "createdAt" DESC, id DESC LIMIT ${window}
    )
    ${identicalPairsSql(workspaceId)}
    UNION ALL
    SELECT recent.id, near.id, near.similarity
    FROM recent CROSS JOIN LATERAL (
      SELECT o.id, similarity(o."statementNormalized", recent."statementNormalized")::float8 AS similarity
      FROM "Claim" o JOIN "Passage" op ON op.id = o."passageId"
      WHERE o."workspaceId" = ${workspaceId} AND o.id <> recent.id AND o."deletedAt" IS NULL AND op."deletedAt" IS NULL
      ORDER BY o."statementNormalized" <-> recent."statementNormalized"
      LIMIT ${NEAREST_DUPLICATES}
    ) AS near
    WHERE near.similarity >= ${threshold}
    UNION ALL
    ${linkedPairsSql(workspaceId)}`;
}

/** Identical and hand-linked pairs; the near-identical ones come from the in-memory index. */
export function identicalOrLinkedPairsSql(workspaceId: string): Prisma.Sql {
  return Prisma.sql`${identicalPairsSql(workspaceId)} UNION ALL ${linkedPairsSql(workspaceId)}`;
}

/** The trigrams of the newest `window` live claims, to look up their near-identical neighbours in the in-memory index. */
export function newestClaimTrigramsSql(workspaceId: string, window: number): Prisma.Sql {
  return Prisma.sql`
    SELECT id, show_trgm("statementNormalized") AS trigrams
    FROM (${liveClaimsSql(workspaceId)}) live ORDER BY "createdAt" DESC, id DESC LIMIT ${window}`;
}

/** Which of these claims of the workspace are live (not deleted, nor their passage). */
export function liveClaimIdsSql(workspaceId: string, ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId"
    WHERE c.id = ANY(${ids}::text[]) AND c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL`;
}
