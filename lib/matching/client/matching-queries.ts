"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Claim } from "@/lib/claims/claim.schemas";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import { callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import { borrowEvidenceEndpoint, listClaimMatchesEndpoint } from "@/lib/matching/matching.endpoints";
import type { ClaimMatch } from "@/lib/matching/matching.schemas";

export const matchingKeys = {
  all: ["matches"] as const,
  // The statement is part of the key: editing it asks for matches of the new wording.
  claim: (claimId: string, statement: string) => ["matches", claimId, statement] as const,
};

export function useClaimMatches(claimId: string, statement: string) {
  return useQuery<ClaimMatch[]>({
    queryKey: matchingKeys.claim(claimId, statement),
    queryFn: ({ signal }) => callApi(listClaimMatchesEndpoint, { params: { claimId } }, { signal }).then((result) => result.items),
    placeholderData: keepPreviousData,
  });
}

/** Links the evidence of a verified match to the claim; the server skips evidence already linked. */
export function useBorrowEvidence(claim: Pick<Claim, "id" | "passageId">) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (fromClaimId: string) => callApi(borrowEvidenceEndpoint, { params: { claimId: claim.id }, body: { fromClaimId } }, { attempt }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.passage(claim.passageId) });
      void queryClient.invalidateQueries({ queryKey: claimKeys.history(claim.id) });
    },
  });
}
