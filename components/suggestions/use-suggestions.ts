"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { suggestionKeys, usePassageSuggestions } from "@/lib/suggestions/client/suggestion-queries";
import type { Suggestion } from "@/lib/suggestions/suggestion.schemas";

type Span = { start: number; end: number };

export type SuggestionsState = ReturnType<typeof useSuggestions>;

/**
 * The reader's suggestions: fetched while shown, without those a claim now overlaps (marked a
 * moment ago), refetched when claims come or go; and which one is focused in the panel.
 */
export function useSuggestions(passageId: string, claims: { target: { position: Span } }[]) {
  const [isShown, setIsShown] = useState(true);
  const [focused, setFocused] = useState<Span | null>(null);
  const query = usePassageSuggestions(passageId, isShown);
  const queryClient = useQueryClient();

  const claimSpans = useMemo(() => claims.map((claim) => claim.target.position), [claims]);
  const claimSpansKey = claimSpans.map((span) => `${span.start}:${span.end}`).join(",");
  const previousClaimSpansKey = useRef(claimSpansKey);
  useEffect(() => {
    if (previousClaimSpansKey.current === claimSpansKey) return;
    previousClaimSpansKey.current = claimSpansKey;
    void queryClient.invalidateQueries({ queryKey: suggestionKeys.passage(passageId) });
  }, [claimSpansKey, passageId, queryClient]);

  const items = useMemo<Suggestion[]>(
    () => (query.data ?? []).filter((item) => !claimSpans.some((claim) => claim.start < item.end && item.start < claim.end)),
    [query.data, claimSpans],
  );
  const painted = useMemo<Span[]>(() => (isShown ? items.map(({ start, end }) => ({ start, end })) : []), [isShown, items]);
  const focusedItem = isShown ? (items.find((item) => item.start === focused?.start && item.end === focused.end) ?? null) : null;

  return { isShown, setIsShown, query, items, painted, focused: focusedItem, setFocused };
}
