import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { MemberList } from "@/lib/members/member.schemas";

export const memberKeys = { workspace: (workspaceId: string) => ["members", "workspace", workspaceId] as const };

/** A workspace's members (first 200), for pickers: assignees, mentions. */
export function useWorkspaceMembers(workspaceId: string, isEnabled = true) {
  return useQuery({
    queryKey: memberKeys.workspace(workspaceId),
    queryFn: ({ signal }) => apiFetch<MemberList>(`/api/v1/workspaces/${workspaceId}/members?limit=200`, { signal }).then((list) => list.items),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}
