"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { CreateAttempt } from "@/lib/http/create-attempt";
import type { CreateWorkspaceInput, UpdateWorkspaceInput } from "@/lib/workspaces/workspace.schemas";
import { createWorkspaceEndpoint, listWorkspacesEndpoint, updateWorkspaceEndpoint } from "@/lib/workspaces/workspaces.endpoints";

export const workspaceKeys = {
  /** The caller's workspaces; what changes which workspaces the caller is in invalidates it. */
  mine: ["workspaces", "mine"] as const,
};

/** The caller's workspaces (first 200), for the header's switcher. */
export function useMyWorkspaces() {
  return useQuery({
    queryKey: workspaceKeys.mine,
    queryFn: ({ signal }) => callApi(listWorkspacesEndpoint, { query: { limit: 200 } }, { signal }),
  });
}

/** Creates a workspace; the attempt's Idempotency-Key makes a repeated submit create it once. */
export function useCreateWorkspace(attempt: CreateAttempt) {
  return useMutation({
    mutationFn: (input: CreateWorkspaceInput) => callApi(createWorkspaceEndpoint, { body: input }, { attempt }),
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  return useMutation({
    mutationFn: (input: UpdateWorkspaceInput) => callApi(updateWorkspaceEndpoint, { params: { workspaceId }, body: input }),
  });
}
