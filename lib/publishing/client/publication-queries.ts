"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Claim } from "@/lib/claims/claim.schemas";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import { callApi } from "@/lib/http/api-client";
import { publishClaimEndpoint, withdrawPublicationEndpoint } from "@/lib/publishing/publishing.endpoints";

function useRefreshPublicationOf(claim: Pick<Claim, "id">) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claim.id) });
    void queryClient.invalidateQueries({ queryKey: claimKeys.history(claim.id) });
  };
}

export function usePublishClaim(claim: Pick<Claim, "id">) {
  const refresh = useRefreshPublicationOf(claim);
  return useMutation({ mutationFn: () => callApi(publishClaimEndpoint, { params: { claimId: claim.id } }), onSuccess: refresh });
}

export function useWithdrawPublication(claim: Pick<Claim, "id">) {
  const refresh = useRefreshPublicationOf(claim);
  return useMutation({ mutationFn: () => callApi(withdrawPublicationEndpoint, { params: { claimId: claim.id } }), onSuccess: refresh });
}
