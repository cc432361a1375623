"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";
import { callApi } from "@/lib/http/api-client";
import { getBlindLabelsEndpoint, submitBlindLabelEndpoint } from "@/lib/review/review.endpoints";

// Under ["claims", …] so the live stream's claim refreshes reach the votes too.
export const blindLabelKeys = { claim: (claimId: string) => ["claims", "blind-labels", claimId] as const };

export function useBlindLabels(claimId: string) {
  return useQuery({
    queryKey: blindLabelKeys.claim(claimId),
    queryFn: ({ signal }) => callApi(getBlindLabelsEndpoint, { params: { claimId } }, { signal }),
  });
}

const submitBlindLabel = ({ claimId, label }: { claimId: string; label: ClaimLabel }) =>
  callApi(submitBlindLabelEndpoint, { params: { claimId }, body: { label } });

export function useSubmitBlindLabel(claimId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["blind-vote", claimId],
    mutationFn: (label: ClaimLabel) => submitBlindLabel({ claimId, label }),
    onSuccess: (votes) => queryClient.setQueryData(blindLabelKeys.claim(claimId), votes),
  });
}

/** The same vote as the buttons, for the 1/2/3 keys on whichever claim is open. */
export function useCastBlindVote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitBlindLabel,
    onSuccess: (votes, { claimId }) => queryClient.setQueryData(blindLabelKeys.claim(claimId), votes),
  });
}
