"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import type { EndpointBody } from "@/lib/http/endpoint";
import { RELEASES_PAGE_SIZE, type ReleaseList, type UpdateReleaseSettingsInput } from "@/lib/releases/release.schemas";
import { createReleaseEndpoint, listReleasesEndpoint, updateReleaseSettingsEndpoint } from "@/lib/releases/releases.endpoints";

/** The one key factory for releases. */
export const releaseKeys = {
  all: ["releases"] as const,
  workspace: (workspaceId: string) => ["releases", "workspace", workspaceId] as const,
};

/** The releases, newest first, a page at a time; `initialPage` is the server's render of the first. */
export function useReleases(workspaceId: string, initialPage: ReleaseList) {
  return useInfiniteQuery({
    queryKey: releaseKeys.workspace(workspaceId),
    queryFn: ({ pageParam, signal }) =>
      callApi(listReleasesEndpoint, { params: { workspaceId }, query: { limit: RELEASES_PAGE_SIZE, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] },
  });
}

/** Cuts a release; a retry of the same attempt (a double click) reuses its Idempotency-Key. */
export function useCreateRelease(workspaceId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: EndpointBody<typeof createReleaseEndpoint>) => callApi(createReleaseEndpoint, { params: { workspaceId }, body: input }, { attempt }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: releaseKeys.workspace(workspaceId) }),
  });
}

/** The owners' choice of licence for new releases. */
export function useUpdateReleaseSettings(workspaceId: string) {
  return useMutation({
    mutationFn: (input: UpdateReleaseSettingsInput) => callApi(updateReleaseSettingsEndpoint, { params: { workspaceId }, body: input }),
  });
}
