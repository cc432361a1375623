"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import { ApiError, callApi } from "@/lib/http/api-client";
import { getRatingScaleEndpoint, updateRatingScaleEndpoint } from "@/lib/ratings/ratings.endpoints";
import type { RatingScale, UpdateRatingScaleInput } from "@/lib/ratings/rating.schemas";

export const ratingKeys = {
  scale: (workspaceId: string) => ["rating-scale", workspaceId] as const,
};

/** The workspace's rating scale: the verdicts a claim can be given, in order. */
export function useRatingScale(workspaceId: string) {
  return useQuery({
    queryKey: ratingKeys.scale(workspaceId),
    queryFn: ({ signal }) => callApi(getRatingScaleEndpoint, { params: { workspaceId } }, { signal }),
    staleTime: 60_000,
  });
}

/** Reads the scale again (after a 412, to start from someone else's change). */
export function useRefreshRatingScale(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ratingKeys.scale(workspaceId) });
}

/** A stale version comes back as a 412 carrying the scale as someone else left it. */
export function conflictingScale(error: unknown): RatingScale | null {
  if (!(error instanceof ApiError) || error.code !== "precondition_failed") return null;
  return ((error.details as { current?: RatingScale } | undefined)?.current ?? null) as RatingScale | null;
}

/** Replaces the scale from the version the owner started editing; claims show the new names after. */
export function useUpdateRatingScale(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: string; input: UpdateRatingScaleInput }) =>
      callApi(updateRatingScaleEndpoint, { params: { workspaceId }, body: input }, { headers: { "If-Match": `"${version}"` } }),
    onSuccess: (scale) => {
      queryClient.setQueryData(ratingKeys.scale(workspaceId), scale);
      void queryClient.invalidateQueries({ queryKey: claimKeys.all });
    },
  });
}
