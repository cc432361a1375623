"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import { searchWorkspaceEndpoint } from "@/lib/search/search.endpoints";
import type { SearchHit } from "@/lib/search/search.schemas";

export const searchKeys = {
  workspace: (workspaceId: string, q: string, limit: number) => ["search", workspaceId, q, limit] as const,
};

/** Search results as the person types; the previous results stay up until the new ones arrive. */
export function useWorkspaceSearch(workspaceId: string, q: string, limit: number) {
  const query = q.trim();
  return useQuery<SearchHit[]>({
    queryKey: searchKeys.workspace(workspaceId, query, limit),
    queryFn: ({ signal }) => callApi(searchWorkspaceEndpoint, { params: { workspaceId }, query: { q: query, limit } }, { signal }).then((result) => result.items),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
