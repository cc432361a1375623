import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Comment, CommentList, CreateCommentInput } from "@/lib/comments/comment.schemas";
import type { MentionCandidate } from "@/lib/comments/mentions";
import { apiFetch } from "@/lib/http/api-fetch";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import { useWorkspaceMembers } from "@/lib/members/client/member-queries";

export const commentKeys = {
  claim: (claimId: string) => ["comments", "claim", claimId] as const,
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
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => apiFetch<Comment>(`/api/v1/claims/${claimId}/comments`, { body: input, attempt }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys.claim(claimId) }),
  });
}

/** The members a comment can mention, for autocomplete. */
export function useMentionCandidates(workspaceId: string, isEnabled: boolean) {
  const members = useWorkspaceMembers(workspaceId, isEnabled);
  return { ...members, data: members.data?.map(({ userId, name, email }): MentionCandidate => ({ userId, name, email })) };
}
