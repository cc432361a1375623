import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import {
  correctedSearchSql,
  similarWordsSql,
  urlSearchSql,
  workspaceSearchSql,
  type SearchRow,
  type SimilarWordRow,
  type UrlSearchRow,
} from "@/lib/search/search-sql";
import { isCorrectable, queryWordsOf, urlHighlights, urlTargetOf, type UrlTarget } from "@/lib/search/search-terms";
import type { SearchHit, SearchMatch, SearchQuery, SearchResult } from "@/lib/search/search.schemas";
import { parseMarkedSnippet } from "@/lib/search/snippet";

/** Fewer text matches than this (or than the page holds) and search also tries words spelled like the query's. */
const FEW_TEXT_MATCHES = 3;
/** Matches of similar words rank below every text match, whose ranks are at most 3 (see search-sql.ts). */
const SIMILAR_RANK_OFFSET = 4;

/**
 * The best matches in a workspace's live passages, claims, evidence and comments, with plain-text
 * excerpts: by full text; for a web address, also by the URLs of evidence and sources; and when the
 * words as typed find little, by words spelled like them ("Musharaf" finds "Musharraf").
 */
export async function searchWorkspace({ actor, workspaceId, query }: { actor: Actor; workspaceId: string; query: SearchQuery }): Promise<SearchResult> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const textHits = (await db.$queryRaw<SearchRow[]>(workspaceSearchSql(workspaceId, query))).map((row) => toSearchHit(row, "text"));
  const target = urlTargetOf(query.q);
  if (target) return { items: bestOf([...(await urlHits(workspaceId, target, query)), ...textHits], query.limit) };
  if (textHits.length >= Math.min(query.limit, FEW_TEXT_MATCHES)) return { items: textHits };
  return { items: bestOf([...textHits, ...(await similarWordHits(workspaceId, query))], query.limit) };
}

async function urlHits(workspaceId: string, target: UrlTarget, query: SearchQuery): Promise<SearchHit[]> {
  const sql = urlSearchSql(workspaceId, target, query);
  if (!sql) return [];
  const rows = await db.$queryRaw<UrlSearchRow[]>(sql);
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    title: row.title,
    snippet: row.snippet,
    highlights: row.url ? urlHighlights(row.url, target) : [],
    passageId: row.passageId,
    claimId: row.claimId,
    rank: row.rank,
    matchedBy: "url",
  }));
}

/**
 * The search again with each word also matching the workspace's words spelled most like it. Only
 * when one of those stems differently: "imports" for "import" would find nothing new, and would only
 * lose what the typed query said ("a phrase", OR).
 */
async function similarWordHits(workspaceId: string, query: SearchQuery): Promise<SearchHit[]> {
  const { wanted, excluded } = queryWordsOf(query.q);
  const terms = wanted.filter(isCorrectable);
  if (terms.length === 0) return [];
  const corrections = (await db.$queryRaw<SimilarWordRow[]>(similarWordsSql(workspaceId, terms))).filter((row) => !row.isSameStem);
  if (corrections.length === 0) return [];
  const groups = wanted.map((word) => [word, ...corrections.filter((row) => row.term === word).map((row) => row.word)]);
  const rows = await db.$queryRaw<SearchRow[]>(correctedSearchSql(workspaceId, query, groups, excluded));
  return rows.map((row) => toSearchHit({ ...row, rank: row.rank - SIMILAR_RANK_OFFSET }, "similar"));
}

/** The first `limit` hits by rank, each record once (at its best rank). */
function bestOf(hits: SearchHit[], limit: number): SearchHit[] {
  const seen = new Set<string>();
  return [...hits]
    .sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((hit) => {
      const key = `${hit.kind}:${hit.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

function toSearchHit(row: SearchRow, matchedBy: SearchMatch): SearchHit {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    ...parseMarkedSnippet(row.markedSnippet),
    passageId: row.passageId,
    claimId: row.claimId,
    rank: row.rank,
    matchedBy,
  };
}
