import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { BULK_UPDATE_MAX_CLAIMS, type BulkUpdateClaimsInput, type BulkUpdateResult, type ClaimSummary } from "@/lib/claims/claim.schemas";
import { apiFetch } from "@/lib/http/api-fetch";

export type ClaimsPage = { items: ClaimSummary[]; nextCursor: string | null };
export type PassageOption = { id: string; title: string };
export type BulkChanges = BulkUpdateClaimsInput["changes"];
export type BulkOutcome = { results: BulkUpdateResult["results"]; failure: string | null };

export const CLAIMS_PAGE_SIZE = 100;
/** The bulk endpoint's limit per request; larger selections go in several requests. */
const BULK_CHUNK_SIZE = BULK_UPDATE_MAX_CLAIMS;

// Keys start like the shared claim keys (["claims", "workspace", id]) so that invalidating a
// workspace's claims anywhere in the app also refreshes this table.
export const claimsTableKeys = {
  all: ["claims"] as const,
  workspace: (workspaceId: string) => ["claims", "workspace", workspaceId] as const,
  tables: (workspaceId: string) => ["claims", "workspace", workspaceId, "table"] as const,
  list: (workspaceId: string, apiQuery: string) => ["claims", "workspace", workspaceId, "table", apiQuery] as const,
  passageOptions: (workspaceId: string) => ["passages", "workspace", workspaceId, "options"] as const,
};

export function useClaimsPages(workspaceId: string, apiQuery: string) {
  return useInfiniteQuery({
    queryKey: claimsTableKeys.list(workspaceId, apiQuery),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(apiQuery);
      params.set("limit", String(CLAIMS_PAGE_SIZE));
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<ClaimsPage>(`/api/v1/workspaces/${workspaceId}/claims?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new filter loads, the old rows stay (marked busy) instead of the table collapsing.
    placeholderData: keepPreviousData,
  });
}

export function usePassageOptions(workspaceId: string) {
  return useQuery({
    queryKey: claimsTableKeys.passageOptions(workspaceId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: PassageOption[] }>(`/api/v1/workspaces/${workspaceId}/passages?limit=200`, { signal }).then((page) =>
        page.items.map(({ id, title }) => ({ id, title })),
      ),
    staleTime: 5 * 60_000,
  });
}

type BulkVariables = { claimIds: string[]; changes: BulkChanges; versions: Record<string, number> };

/**
 * Applies one change to many claims from the versions the user saw. Each claim succeeds or is
 * refused on its own; the table shows the new values at once and then reloads.
 */
export function useBulkUpdateClaims(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ claimIds, changes, versions }: BulkVariables): Promise<BulkOutcome> => {
      const results: BulkUpdateResult["results"] = [];
      for (let start = 0; start < claimIds.length; start += BULK_CHUNK_SIZE) {
        const chunk = claimIds.slice(start, start + BULK_CHUNK_SIZE);
        const body: BulkUpdateClaimsInput = {
          claimIds: chunk,
          changes,
          versions: Object.fromEntries(chunk.flatMap((id) => (versions[id] === undefined ? [] : [[id, versions[id]]]))),
        };
        try {
          const answer = await apiFetch<BulkUpdateResult>(`/api/v1/workspaces/${workspaceId}/claims/bulk`, { body });
          results.push(...answer.results);
        } catch (error) {
          // Earlier chunks are applied already: report them along with why the rest was not sent.
          if (results.length === 0) throw error;
          return { results, failure: error instanceof Error ? error.message : "The rest could not be sent." };
        }
      }
      return { results, failure: null };
    },
    onSuccess: ({ results }) => {
      const updated = new Map(results.flatMap((result) => (result.ok ? [[result.claimId, result.claim] as const] : [])));
      queryClient.setQueriesData<InfiniteData<ClaimsPage>>({ queryKey: claimsTableKeys.tables(workspaceId) }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => {
                  const claim = updated.get(item.id);
                  return claim
                    ? { ...item, label: claim.label, state: claim.state, updatedAt: claim.updatedAt, version: claim.version }
                    : item;
                }),
              })),
            }
          : data,
      );
    },
    // Passage lists and claim details elsewhere hold these claims too.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: claimsTableKeys.all }),
  });
}
