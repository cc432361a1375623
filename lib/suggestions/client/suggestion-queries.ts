"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { claimKeys } from "@/lib/claims/client/claim-queries";
import { callApi } from "@/lib/http/api-client";
import { useCreateAttempt } from "@/lib/http/create-attempt";
import type { EndpointBody } from "@/lib/http/endpoint";
import type { Suggestion } from "@/lib/suggestions/suggestion.schemas";
import { acceptSuggestionsEndpoint, dismissSuggestionEndpoint, listSuggestionsEndpoint } from "@/lib/suggestions/suggestions.endpoints";

export const suggestionKeys = {
  passage: (passageId: string) => ["suggestions", "passage", passageId] as const,
  mutations: (passageId: string) => ["suggestions", "change", passageId] as const,
};

export function usePassageSuggestions(passageId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: suggestionKeys.passage(passageId),
    queryFn: ({ signal }) => callApi(listSuggestionsEndpoint, { params: { passageId } }, { signal }).then((page) => page.items),
    enabled: isEnabled,
  });
}

// Accepted or dismissed suggestions leave the list at once; a refusal puts them back.
function useOptimisticRemoval(passageId: string) {
  const queryClient = useQueryClient();
  const key = suggestionKeys.passage(passageId);
  return {
    remove: async (isRemoved: (suggestion: Suggestion) => boolean) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Suggestion[]>(key);
      queryClient.setQueryData<Suggestion[]>(key, (items) => items?.filter((item) => !isRemoved(item)));
      return { previous };
    },
    restore: (context: { previous?: Suggestion[] } | undefined) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    // Only once the last of quick successive changes settles: an earlier refetch would bring back
    // suggestions whose acceptance is still on its way.
    refresh: () => {
      if (queryClient.isMutating({ mutationKey: suggestionKeys.mutations(passageId) }) <= 1) void queryClient.invalidateQueries({ queryKey: key });
    },
  };
}

/** Accepts the listed suggestions, or every one scoring at least minScore, as draft claims. */
export function useAcceptSuggestions(passageId: string) {
  const queryClient = useQueryClient();
  const optimistic = useOptimisticRemoval(passageId);
  const attempt = useCreateAttempt();
  return useMutation({
    mutationKey: suggestionKeys.mutations(passageId),
    mutationFn: (input: EndpointBody<typeof acceptSuggestionsEndpoint>) =>
      callApi(acceptSuggestionsEndpoint, { params: { passageId }, body: input }, { attempt }).then((page) => page.items),
    onMutate: (input) =>
      optimistic.remove((item) =>
        "minScore" in input ? item.score >= input.minScore : input.suggestions.some((span) => span.start === item.start && span.end === item.end),
      ),
    onError: (_error, _input, context) => optimistic.restore(context),
    onSettled: () => {
      optimistic.refresh();
      void queryClient.invalidateQueries({ queryKey: claimKeys.passage(passageId) });
    },
  });
}

export function useDismissSuggestion(passageId: string) {
  const optimistic = useOptimisticRemoval(passageId);
  return useMutation({
    mutationKey: suggestionKeys.mutations(passageId),
    mutationFn: (span: EndpointBody<typeof dismissSuggestionEndpoint>) => callApi(dismissSuggestionEndpoint, { params: { passageId }, body: span }),
    onMutate: (span) => optimistic.remove((item) => item.start === span.start && item.end === span.end),
    onError: (_error, _span, context) => optimistic.restore(context),
    onSettled: () => optimistic.refresh(),
  });
}
