"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import type { EndpointBody } from "@/lib/http/endpoint";
import type { ReleaseList } from "@/lib/releases/release.schemas";
import { createReleaseEndpoint, listReleasesEndpoint } from "@/lib/releases/releases.endpoints";

/** The one key factory for releases. */
export const releaseKeys = {
  all: ["releases"] as const,
  workspace: (workspaceId: string) => ["releases", "workspace", workspaceId] as const,
};

/** The newest releases (first page); `initialData` is the server's render of them. */
export function useReleases(workspaceId: string, initialData?: ReleaseList) {
  return useQuery({
    queryKey: releaseKeys.workspace(workspaceId),
    queryFn: ({ signal }) => callApi(listReleasesEndpoint, { params: { workspaceId }, query: { limit: 50 } }, { signal }),
    initialData,
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
