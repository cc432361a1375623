"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import type { CreateSavedViewInput, SavedViewList, UpdateSavedViewInput } from "@/lib/views/view.schemas";
import { createSavedViewEndpoint, deleteSavedViewEndpoint, listSavedViewsEndpoint, updateSavedViewEndpoint } from "@/lib/views/views.endpoints";

/** The one key factory for saved views. */
export const viewKeys = {
  all: ["views"] as const,
  workspace: (workspaceId: string) => ["views", "workspace", workspaceId] as const,
};

/** The views the caller sees, with live counts; `initialData` is the server's render of them. */
export function useSavedViews(workspaceId: string, initialData?: SavedViewList) {
  return useQuery({
    queryKey: viewKeys.workspace(workspaceId),
    queryFn: ({ signal }) => callApi(listSavedViewsEndpoint, { params: { workspaceId } }, { signal }),
    initialData,
  });
}

export function useCreateSavedView(workspaceId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: CreateSavedViewInput) => callApi(createSavedViewEndpoint, { params: { workspaceId }, body: input }, { attempt }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.workspace(workspaceId) }),
  });
}

export function useUpdateSavedView(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ viewId, changes }: { viewId: string; changes: UpdateSavedViewInput }) =>
      callApi(updateSavedViewEndpoint, { params: { workspaceId, viewId }, body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.workspace(workspaceId) }),
  });
}

export function useDeleteSavedView(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (viewId: string) => callApi(deleteSavedViewEndpoint, { params: { workspaceId, viewId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.workspace(workspaceId) }),
  });
}
