import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { workspaceSearchSql, type SearchRow } from "@/lib/search/search-sql";
import type { SearchHit, SearchQuery, SearchResult } from "@/lib/search/search.schemas";
import { parseMarkedSnippet } from "@/lib/search/snippet";

/** The best matches in a workspace's live passages, claims, evidence and comments, with plain-text excerpts. */
export async function searchWorkspace({ actor, workspaceId, query }: { actor: Actor; workspaceId: string; query: SearchQuery }): Promise<SearchResult> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const rows = await db.$queryRaw<SearchRow[]>(workspaceSearchSql(workspaceId, query));
  return { items: rows.map(toSearchHit) };
}

function toSearchHit(row: SearchRow): SearchHit {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    ...parseMarkedSnippet(row.markedSnippet),
    passageId: row.passageId,
    claimId: row.claimId,
    rank: row.rank,
  };
}
