"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { SearchHit, SearchResult } from "@/lib/search/search.schemas";

export const searchKeys = {
  workspace: (workspaceId: string, q: string, limit: number) => ["search", workspaceId, q, limit] as const,
};

/** Search results as the person types; the previous results stay up until the new ones arrive. */
export function useWorkspaceSearch(workspaceId: string, q: string, limit: number) {
  const query = q.trim();
  return useQuery<SearchHit[]>({
    queryKey: searchKeys.workspace(workspaceId, query, limit),
    queryFn: ({ signal }) =>
      apiFetch<SearchResult>(`/api/v1/workspaces/${workspaceId}/search?${new URLSearchParams({ q: query, limit: String(limit) }).toString()}`, { signal }).then(
        (result) => result.items,
      ),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
