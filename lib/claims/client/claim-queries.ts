"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Claim, ClaimHistory, ClaimSummary, UpdateClaimInput } from "@/lib/claims/claim.schemas";
import type { AddEvidenceInput, EvidenceLink } from "@/lib/evidence/evidence.schemas";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { useCreateAttempt } from "@/lib/http/create-attempt";

export const claimKeys = {
  all: ["claims"] as const,
  passage: (passageId: string) => ["claims", "passage", passageId] as const,
  detail: (claimId: string) => ["claims", "detail", claimId] as const,
  history: (claimId: string) => ["claims", "history", claimId] as const,
  workspace: (workspaceId: string) => ["claims", "workspace", workspaceId] as const,
};

export function usePassageClaims(passageId: string) {
  return useQuery({
    queryKey: claimKeys.passage(passageId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ClaimSummary[] }>(`/api/v1/passages/${passageId}/claims?all=true`, { signal }).then((page) => page.items),
  });
}

export function useClaim(claimId: string | null) {
  return useQuery({
    queryKey: claimKeys.detail(claimId ?? ""),
    queryFn: ({ signal }) => apiFetch<Claim>(`/api/v1/claims/${claimId}`, { signal }),
    enabled: claimId !== null,
  });
}

export function useClaimHistory(claimId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: claimKeys.history(claimId),
    queryFn: ({ signal }) => apiFetch<ClaimHistory>(`/api/v1/claims/${claimId}/history`, { signal }).then((r) => r.items),
    enabled: isEnabled,
  });
}

export function useCreateClaim(passageId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: { start: number; end: number }) => apiFetch<Claim>(`/api/v1/passages/${passageId}/claims`, { body: input, attempt }),
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
      return apiFetch<Claim>(`/api/v1/claims/${claim.id}`, {
        method: "PATCH",
        body: changes,
        headers: { "If-Match": `"${Math.max(seen, claim.version)}"` },
      });
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

export function useAddEvidence(claim: Pick<Claim, "id" | "passageId">) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: AddEvidenceInput) => apiFetch<EvidenceLink>(`/api/v1/claims/${claim.id}/evidence`, { body: input, attempt }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.passage(claim.passageId) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.history(claim.id) });
    },
  });
}

/** Soft-deletes a claim; `restore` brings it back (editors, within 30 days). */
export function useDeleteClaim(passageId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: claimKeys.passage(passageId) });
  const remove = useMutation({
    mutationFn: (claimId: string) => apiFetch<void>(`/api/v1/claims/${claimId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const restore = useMutation({
    mutationFn: (claimId: string) => apiFetch<Claim>(`/api/v1/claims/${claimId}/restore`, { method: "POST" }),
    onSuccess: refresh,
  });
  return { remove, restore };
}

export function useRemoveEvidence(claim: Pick<Claim, "id" | "passageId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => apiFetch<void>(`/api/v1/claims/${claim.id}/evidence/${linkId}`, { method: "DELETE" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.passage(claim.passageId) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.history(claim.id) });
    },
  });
}
