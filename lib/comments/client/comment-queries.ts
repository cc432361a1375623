import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Comment, CommentList, CreateCommentInput } from "@/lib/comments/comment.schemas";
import type { MentionCandidate } from "@/lib/comments/mentions";
import { apiFetch } from "@/lib/http/api-fetch";

export const commentKeys = {
  claim: (claimId: string) => ["comments", "claim", claimId] as const,
  mentionable: (workspaceId: string) => ["members", "workspace", workspaceId, "mentionable"] as const,
};

export function useClaimComments(claimId: string) {
  return useInfiniteQuery({
    queryKey: commentKeys.claim(claimId),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<CommentList>(`/api/v1/claims/${claimId}/comments?limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePostComment(claimId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommentInput) =>
      apiFetch<Comment>(`/api/v1/claims/${claimId}/comments`, { body: input, headers: { "Idempotency-Key": crypto.randomUUID() } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys.claim(claimId) }),
  });
}

type MemberList = { items: { userId: string; name: string; email: string }[] };

/** The members a comment can mention, for autocomplete. */
export function useMentionCandidates(workspaceId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: commentKeys.mentionable(workspaceId),
    queryFn: ({ signal }) =>
      apiFetch<MemberList>(`/api/v1/workspaces/${workspaceId}/members`, { signal }).then((list): MentionCandidate[] =>
        list.items.map(({ userId, name, email }) => ({ userId, name, email })),
      ),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}
