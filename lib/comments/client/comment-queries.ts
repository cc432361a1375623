"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateCommentInput } from "@/lib/comments/comment.schemas";
import { createCommentEndpoint, listCommentsEndpoint } from "@/lib/comments/comments.endpoints";
import type { MentionCandidate } from "@/lib/comments/mentions";
import { callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import { useWorkspaceMembers } from "@/lib/members/client/member-queries";

const COMMENTS_PAGE_SIZE = 100;

export const commentKeys = {
  all: ["comments"] as const,
  claim: (claimId: string) => ["comments", "claim", claimId] as const,
};

export function useClaimComments(claimId: string) {
  return useInfiniteQuery({
    queryKey: commentKeys.claim(claimId),
    queryFn: ({ pageParam, signal }) =>
      callApi(listCommentsEndpoint, { params: { claimId }, query: { limit: COMMENTS_PAGE_SIZE, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePostComment(claimId: string) {
  const queryClient = useQueryClient();
  const attempt = useCreateAttempt();
  return useMutation({
    mutationFn: (input: CreateCommentInput) => callApi(createCommentEndpoint, { params: { claimId }, body: input }, { attempt }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys.claim(claimId) }),
  });
}

/** The members a comment can mention, for autocomplete. */
export function useMentionCandidates(workspaceId: string, isEnabled: boolean) {
  const members = useWorkspaceMembers(workspaceId, isEnabled);
  return { ...members, data: members.data?.map(({ userId, name, email }): MentionCandidate => ({ userId, name, email })) };
}
