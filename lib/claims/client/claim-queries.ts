"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { BULK_UPDATE_MAX_CLAIMS, type BulkUpdateClaimsInput, type BulkUpdateResult, type Claim, type ClaimSummary, type UpdateClaimInput } from "@/lib/claims/claim.schemas";
import {
  bulkUpdateClaimsEndpoint,
  createClaimEndpoint,
  deleteClaimEndpoint,
  getClaimEndpoint,
  getClaimHistoryEndpoint,
  listClaimsEndpoint,
  listPassageClaimsEndpoint,
  restoreClaimEndpoint,
  updateClaimEndpoint,
} from "@/lib/claims/claims.endpoints";
import { addEvidenceEndpoint, removeEvidenceEndpoint } from "@/lib/evidence/evidence.endpoints";
import type { AddEvidenceInput } from "@/lib/evidence/evidence.schemas";
import { ApiError, callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import type { EndpointAnswer, EndpointQuery } from "@/lib/http/endpoint";

/** The one key factory for claims: other features (live updates, matching, suggestions) invalidate through it. */
export const claimKeys = {
  all: ["claims"] as const,
  passage: (passageId: string) => ["claims", "passage", passageId] as const,
  detail: (claimId: string) => ["claims", "detail", claimId] as const,
  history: (claimId: string) => ["claims", "history", claimId] as const,
  workspace: (workspaceId: string) => ["claims", "workspace", workspaceId] as const,
  /** The workspace's claims table, under `workspace`, so invalidating a workspace's claims refreshes it. */
  tables: (workspaceId: string) => ["claims", "workspace", workspaceId, "table"] as const,
  table: (workspaceId: string, query: ClaimsQuery) => ["claims", "workspace", workspaceId, "table", query] as const,
};

export function usePassageClaims(passageId: string) {
  return useQuery({
    queryKey: claimKeys.passage(passageId),
    queryFn: ({ signal }) => callApi(listPassageClaimsEndpoint, { params: { passageId }, query: { all: "true" } }, { signal }).then((page) => page.items),
  });
}

export function useClaim(claimId: string | null) {
  return useQuery({
    queryKey: claimKeys.detail(claimId ?? ""),
    queryFn: ({ signal }) => callApi(getClaimEndpoint, { params: { claimId: claimId ?? "" } }, { signal }),
    enabled: claimId !== null,
  });
}

export function useClaimHistory(claimId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: claimKeys.history(claimId),
    queryFn: ({ signal }) => callApi(getClaimHistoryEndpoint, { params: { claimId } }, { signal }).then((history) => history.items),
    enabled: isEnabled,
  });
}

export function useCreateClaim(passageId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: { start: number; end: number }) => callApi(createClaimEndpoint, { params: { passageId }, body: input }, { attempt }),
    onSuccess: (claim) => {
      queryClient.setQueryData(claimKeys.detail(claim.id), claim);
      void queryClient.invalidateQueries({ queryKey: claimKeys.passage(passageId) });
    },
  });
}

/** A stale version comes back as a 412 carrying the claim as someone else left it. */
export function conflictingClaim(error: unknown): Claim | null {
  if (!(error instanceof ApiError) || error.code !== "precondition_failed") return null;
  return ((error.details as { current?: Claim } | undefined)?.current ?? null) as Claim | null;
}

type UpdateVariables = { claim: Pick<Claim, "id" | "version" | "passageId">; changes: UpdateClaimInput };

/**
 * Updates a claim from the version the user saw. The passage list shows the change at once
 * (optimistically) and is put back if the server refuses it.
 */
export function useUpdateClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    // Changes run one after another, each from the version the previous one left, so quick
    // successive keystrokes never conflict with each other.
    scope: { id: "claim-update" },
    mutationFn: ({ claim, changes }: UpdateVariables) => {
      const seen = queryClient.getQueryData<Claim>(claimKeys.detail(claim.id))?.version ?? 0;
      return callApi(updateClaimEndpoint, { params: { claimId: claim.id }, body: changes }, { headers: { "If-Match": `"${Math.max(seen, claim.version)}"` } });
    },
    onMutate: async ({ claim, changes }) => {
      const key = claimKeys.passage(claim.passageId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ClaimSummary[]>(key);
      queryClient.setQueryData<ClaimSummary[]>(key, (items) =>
        items?.map((item) => (item.id === claim.id ? { ...item, ...changes } as ClaimSummary : item)),
      );
      return { previous, key };
    },
    onError: (error, _variables, context) => {
      if (context) queryClient.setQueryData(context.key, context.previous);
      const current = conflictingClaim(error);
      if (current) queryClient.setQueryData(claimKeys.detail(current.id), current);
    },
    onSuccess: (claim) => {
      queryClient.setQueryData(claimKeys.detail(claim.id), claim);
      queryClient.setQueryData<ClaimSummary[]>(claimKeys.passage(claim.passageId), (items) =>
        items?.map((item) => (item.id === claim.id ? { ...item, ...claim, evidenceCount: claim.evidence.length } : item)),
      );
      void queryClient.invalidateQueries({ queryKey: claimKeys.history(claim.id) });
    },
  });
}

/** A link added or removed changes the claim, its passage list's evidence count and its history. */
function useRefreshEvidenceOf(claim: Pick<Claim, "id" | "passageId">) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
    void queryClient.invalidateQueries({ queryKey: claimKeys.passage(claim.passageId) });
    void queryClient.invalidateQueries({ queryKey: claimKeys.history(claim.id) });
  };
}

export function useAddEvidence(claim: Pick<Claim, "id" | "passageId">) {
  const attempt = useCreateAttempt();
  const refresh = useRefreshEvidenceOf(claim);
  return useMutation({
    mutationFn: (input: AddEvidenceInput) => callApi(addEvidenceEndpoint, { params: { claimId: claim.id }, body: input }, { attempt }),
    onSuccess: refresh,
  });
}

export function useRemoveEvidence(claim: Pick<Claim, "id" | "passageId">) {
  const refresh = useRefreshEvidenceOf(claim);
  return useMutation({
    mutationFn: ({ linkId, correctionNote }: { linkId: string; correctionNote?: string }) =>
      callApi(removeEvidenceEndpoint, { params: { claimId: claim.id, linkId }, query: correctionNote ? { correctionNote } : {} }),
    onSuccess: refresh,
  });
}

/** Brings back a deleted claim (editors, within the restore window), from the deleted-items page. */
export function useRestoreClaim(claimId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(restoreClaimEndpoint, { params: { claimId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimKeys.all }),
  });
}

/** Soft-deletes a claim; `restore` brings it back (editors, within the restore window). */
export function useDeleteClaim(passageId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: claimKeys.passage(passageId) });
  const remove = useMutation({
    mutationFn: (claimId: string) => callApi(deleteClaimEndpoint, { params: { claimId } }),
    onSuccess: refresh,
  });
  const restore = useMutation({
    mutationFn: (claimId: string) => callApi(restoreClaimEndpoint, { params: { claimId } }),
    onSuccess: refresh,
  });
  return { remove, restore };
}

/** The workspace list's filters and sort, as its endpoint takes them (the hook adds limit and cursor). */
export type ClaimsQuery = Omit<EndpointQuery<typeof listClaimsEndpoint>, "limit" | "cursor">;
type ClaimsPage = EndpointAnswer<typeof listClaimsEndpoint>;

const CLAIMS_PAGE_SIZE = 100;

export function useClaimsPages(workspaceId: string, query: ClaimsQuery) {
  return useInfiniteQuery({
    queryKey: claimKeys.table(workspaceId, query),
    queryFn: ({ pageParam, signal }) =>
      callApi(listClaimsEndpoint, { params: { workspaceId }, query: { ...query, limit: CLAIMS_PAGE_SIZE, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a new filter loads, the old rows stay (marked busy) instead of the table collapsing.
    placeholderData: keepPreviousData,
  });
}

export type BulkChanges = BulkUpdateClaimsInput["changes"];
export type BulkOutcome = { results: BulkUpdateResult["results"]; failure: string | null };
type BulkVariables = { claimIds: string[]; changes: BulkChanges; versions: Record<string, number> };

/**
 * Applies one change to many claims from the versions the user saw, BULK_UPDATE_MAX_CLAIMS per
 * request. Each claim succeeds or is refused on its own; the table shows the new values at once
 * and then reloads.
 */
export function useBulkUpdateClaims(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ claimIds, changes, versions }: BulkVariables): Promise<BulkOutcome> => {
      const results: BulkUpdateResult["results"] = [];
      for (let start = 0; start < claimIds.length; start += BULK_UPDATE_MAX_CLAIMS) {
        const chunk = claimIds.slice(start, start + BULK_UPDATE_MAX_CLAIMS);
        const body: BulkUpdateClaimsInput = {
          claimIds: chunk,
          changes,
          versions: Object.fromEntries(chunk.flatMap((id) => (versions[id] === undefined ? [] : [[id, versions[id]]]))),
        };
        try {
          const answer = await callApi(bulkUpdateClaimsEndpoint, { params: { workspaceId }, body });
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
      queryClient.setQueriesData<InfiniteData<ClaimsPage>>({ queryKey: claimKeys.tables(workspaceId) }, (data) =>
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
    onSettled: () => void queryClient.invalidateQueries({ queryKey: claimKeys.all }),
  });
}
