import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { claimMatchesSql, NEAREST_CANDIDATES, nearestLiveClaimsSql, type ClaimMatchRow, type NearestClaimRow } from "@/lib/matching/matching-sql";
import { freshTrigramIndex, type MatchSource } from "@/lib/matching/server/workspace-trigram-index";
import type { TrigramIndex } from "@/lib/matching/trigram-index";
import { MATCH_SIMILARITY_THRESHOLD, type ClaimMatches, type ClaimMatchesQuery } from "@/lib/matching/matching.schemas";

/** Live claims of the same workspace whose statement reads like this one, most similar first. */
export async function findClaimMatches({ actor, claimId, query }: { actor: Actor; claimId: string; query: ClaimMatchesQuery }): Promise<{ matches: ClaimMatches; source: MatchSource }> {
  const { claim, ...viewer } = await requireClaimAccess(actor, claimId, "workspace.read");
  const [[source], index] = await Promise.all([
    db.$queryRaw<{ normalized: string; statement: string; trigrams: string[] }[]>`
      SELECT "statementNormalized" AS normalized, statement, show_trgm("statementNormalized") AS trigrams FROM "Claim" WHERE id = ${claimId}`,
    freshTrigramIndex(claim.workspaceId),
  ]);
  if (!source) throw notFound("This claim");
  const matches = index
    ? (await nearestLiveClaims(index, { workspaceId: claim.workspaceId, claimId, ...source })).filter((row) => row.shown).slice(0, query.limit)
    : await db.$queryRaw<ClaimMatchRow[]>(
        claimMatchesSql({ workspaceId: claim.workspaceId, claimId, ...source, threshold: MATCH_SIMILARITY_THRESHOLD, limit: query.limit }),
      );
  const rows = await db.claim.findMany({ where: { id: { in: matches.map((match) => match.id) } }, select: claimSummarySelect });
  const summaries = new Map(rows.map((row) => [row.id, toClaimSummary(row, viewer)]));
  return {
    matches: {
      items: matches.flatMap((match) => {
        const summary = summaries.get(match.id);
        return summary ? [{ claim: summary, similarity: Math.round(match.similarity * 1000) / 1000 }] : [];
      }),
    },
    source: index ? "memory" : "gist",
  };
}

/**
 * The NEAREST_CANDIDATES live claims most similar to the statement, from the in-memory index. The
 * index also holds deleted claims, so when too many of the nearest turn out deleted it reads further.
 */
async function nearestLiveClaims(
  index: TrigramIndex,
  { workspaceId, claimId, statement, trigrams }: { workspaceId: string; claimId: string; statement: string; trigrams: string[] },
): Promise<NearestClaimRow[]> {
  for (let window = NEAREST_CANDIDATES * 2; ; window *= 4) {
    const candidates = index.nearest(trigrams, { limit: window, excludeId: claimId });
    const live = await db.$queryRaw<NearestClaimRow[]>(nearestLiveClaimsSql({ workspaceId, statement, threshold: MATCH_SIMILARITY_THRESHOLD, candidates }));
    if (live.length >= NEAREST_CANDIDATES || candidates.length < window) return live;
  }
}
