"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeMemberRoleEndpoint, listMembersEndpoint, removeMemberEndpoint } from "@/lib/members/members.endpoints";
import { workspaceKeys } from "@/lib/workspaces/client/workspace-queries";

export const memberKeys = { workspace: (workspaceId: string) => ["members", "workspace", workspaceId] as const };

/** A workspace's members (first 200), for pickers: assignees, mentions. */
export function useWorkspaceMembers(workspaceId: string, isEnabled = true) {
  return useQuery({
    queryKey: memberKeys.workspace(workspaceId),
    queryFn: ({ signal }) => callApi(listMembersEndpoint, { params: { workspaceId }, query: { limit: 200 } }, { signal }).then((list) => list.items),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

export function useChangeMemberRole(workspaceId: string, userId: string) {
  return useMutation({
    mutationFn: (role: Role) => callApi(changeMemberRoleEndpoint, { params: { workspaceId, userId }, body: { role } }),
  });
}

export function useRemoveMember(workspaceId: string, userId: string) {
  return useMutation({ mutationFn: () => callApi(removeMemberEndpoint, { params: { workspaceId, userId } }) });
}

/** The caller leaves the workspace (removes themselves); their list of workspaces is read again. */
export function useLeaveWorkspace(workspaceId: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(removeMemberEndpoint, { params: { workspaceId, userId: currentUserId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.mine }),
  });
}
