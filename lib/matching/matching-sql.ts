import { Prisma } from "@/lib/generated/prisma/client";

// The matching statements, kept apart from the use cases so the benchmark can EXPLAIN exactly them.
// Both walk the GiST index ("workspaceId", "statementNormalized") nearest first (`<->`), so their
// cost depends on how many claims they return, not on how many look a little alike.

/** How many nearest statements are read before filtering; matches beyond them are too far to show. */
const NEAREST_CANDIDATES = 50;
/** Near-identical statements are looked for among each new claim's few nearest neighbours. */
const NEAREST_DUPLICATES = 5;

export type ClaimMatchRow = { id: string; similarity: number };

/**
 * The live claims nearest to a statement by trigram similarity of the normalized text, kept when at
 * least `threshold` similar or when their statement holds every word of this one after stemming
 * (full text with stemming, which catches longer rewordings such as "rates rose" for "rate rose"). Most similar first.
 */
export function claimMatchesSql(input: { workspaceId: string; claimId: string; normalized: string; statement: string; threshold: number; limit: number }): Prisma.Sql {
  const { workspaceId, claimId, normalized, statement, threshold, limit } = input;
  return Prisma.sql`
    WITH words AS (SELECT plainto_tsquery('english'::regconfig, ${statement}) AS query),
    nearest AS (
      SELECT c.id, c."searchVector", similarity(c."statementNormalized", ${normalized})::float8 AS similarity
      FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId"
      WHERE c."workspaceId" = ${workspaceId} AND c.id <> ${claimId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL
      ORDER BY c."statementNormalized" <-> ${normalized}
      LIMIT ${NEAREST_CANDIDATES}
    )
    SELECT nearest.id, nearest.similarity
    FROM nearest CROSS JOIN words
    WHERE nearest.similarity >= ${threshold}
      OR (nearest."searchVector" @@ words.query AND ts_filter(nearest."searchVector", '{a}') @@ words.query)
    ORDER BY nearest.similarity DESC, nearest.id
    LIMIT ${limit}`;
}

export type DuplicatePair = { claimId: string; otherId: string; similarity: number | null };

/**
 * Pairs of live claims that say the same thing: identical after normalization anywhere in the
 * workspace; at least `threshold` similar among the nearest neighbours of the newest `window`
 * claims; or linked by hand.
 */
export function duplicatePairsSql(workspaceId: string, threshold: number, window: number): Prisma.Sql {
  return Prisma.sql`
    WITH live AS (
      SELECT c.id, c."statementNormalized", c."createdAt"
      FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId"
      WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL AND c."statementNormalized" <> ''
    ),
    identical AS (
      SELECT array_agg(id ORDER BY id) AS ids FROM live GROUP BY "statementNormalized" HAVING count(*) > 1
    ),
    recent AS (
      SELECT id, "statementNormalized" FROM live ORDER BY "createdAt" DESC, id DESC LIMIT ${window}
    )
    SELECT identical.ids[1] AS "claimId", other AS "otherId", 1::float8 AS similarity
    FROM identical CROSS JOIN LATERAL unnest(identical.ids[2:]) AS other
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
    SELECT c.id, original.id, NULL
    FROM "Claim" c
    JOIN "Passage" p ON p.id = c."passageId"
    JOIN "Claim" original ON original.id = c."duplicateOfId"
    JOIN "Passage" op ON op.id = original."passageId"
    WHERE c."workspaceId" = ${workspaceId} AND c."duplicateOfId" IS NOT NULL
      AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL AND original."deletedAt" IS NULL AND op."deletedAt" IS NULL`;
}
