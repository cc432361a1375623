import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { claimMatchesSql, type ClaimMatchRow } from "@/lib/matching/matching-sql";
import { MATCH_SIMILARITY_THRESHOLD, type ClaimMatches, type ClaimMatchesQuery } from "@/lib/matching/matching.schemas";

/** Live claims of the same workspace whose statement reads like this one, most similar first. */
export async function findClaimMatches({ actor, claimId, query }: { actor: Actor; claimId: string; query: ClaimMatchesQuery }): Promise<ClaimMatches> {
  const { claim } = await requireClaimAccess(actor, claimId, "workspace.read");
  const [source] = await db.$queryRaw<{ normalized: string; statement: string }[]>`
    SELECT "statementNormalized" AS normalized, statement FROM "Claim" WHERE id = ${claimId}`;
  if (!source) throw notFound("This claim");
  const matches = await db.$queryRaw<ClaimMatchRow[]>(
    claimMatchesSql({ workspaceId: claim.workspaceId, claimId, ...source, threshold: MATCH_SIMILARITY_THRESHOLD, limit: query.limit }),
  );
  const rows = await db.claim.findMany({ where: { id: { in: matches.map((match) => match.id) } }, select: claimSummarySelect });
  const summaries = new Map(rows.map((row) => [row.id, toClaimSummary(row)]));
  return {
    items: matches.flatMap((match) => {
      const summary = summaries.get(match.id);
      return summary ? [{ claim: summary, similarity: Math.round(match.similarity * 1000) / 1000 }] : [];
    }),
  };
}
