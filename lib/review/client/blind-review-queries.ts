import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { BlindLabels } from "@/lib/review/blind-review.schemas";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";

// Under ["claims", …] so the live stream's claim refreshes reach the votes too.
export const blindLabelKeys = { claim: (claimId: string) => ["claims", "blind-labels", claimId] as const };

export function useBlindLabels(claimId: string) {
  return useQuery({
    queryKey: blindLabelKeys.claim(claimId),
    queryFn: ({ signal }) => apiFetch<BlindLabels>(`/api/v1/claims/${claimId}/blind-label`, { signal }),
  });
}

export function useSubmitBlindLabel(claimId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["blind-vote", claimId],
    mutationFn: (label: ClaimLabel) => apiFetch<BlindLabels>(`/api/v1/claims/${claimId}/blind-label`, { method: "PUT", body: { label } }),
    onSuccess: (votes) => queryClient.setQueryData(blindLabelKeys.claim(claimId), votes),
  });
}

/** The same vote as the buttons, for the 1/2/3 keys on whichever claim is open. */
export function useCastBlindVote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claimId, label }: { claimId: string; label: ClaimLabel }) =>
      apiFetch<BlindLabels>(`/api/v1/claims/${claimId}/blind-label`, { method: "PUT", body: { label } }),
    onSuccess: (votes, { claimId }) => queryClient.setQueryData(blindLabelKeys.claim(claimId), votes),
  });
}
