import "server-only";
import type { DbClient, DbTransaction } from "@/lib/db";
import { suggestClaims } from "@/lib/suggestions/suggest-claims";
import type { Suggestion } from "@/lib/suggestions/suggestion.schemas";

/** The audit action that records, as history, a dismissal stored in SuggestionDismissal. */
export const SUGGESTION_DISMISSED = "suggestion.dismissed";

type SuggestedPassage = { id: string; workspaceId: string; text: string; textHash: string };

// A passage's text changes only by a new revision (and its text hash with it), so its suggestions are
// computed once per text and reused while the reader accepts and dismisses them one by one.
const CACHE_SIZE = 32;
/** Longer texts are recomputed each time rather than held in memory. */
const CACHE_MAX_TEXT_LENGTH = 1_000_000;
const computed = new Map<string, Suggestion[]>();

/** Every suggestion of the passage's text, open or not, best first. */
export function passageSuggestions(passage: SuggestedPassage): Suggestion[] {
  const key = `${passage.id}:${passage.textHash}`;
  const cached = computed.get(key);
  if (cached) {
    computed.delete(key);
    computed.set(key, cached);
    return cached;
  }
  const suggestions = suggestClaims(passage.text);
  if (passage.text.length > CACHE_MAX_TEXT_LENGTH) return suggestions;
  computed.set(key, suggestions);
  const oldest = computed.keys().next();
  if (computed.size > CACHE_SIZE && !oldest.done) computed.delete(oldest.value);
  return suggestions;
}

/**
 * The suggestions still open: not overlapping a live claim, not dismissed, scoring at least `minScore`.
 * Dismissals are rows of SuggestionDismissal keyed by span: suggestions are recomputed from the
 * text, and a revision moves the dismissals with their sentence or drops them (lib/revisions).
 */
export async function openSuggestions(client: DbClient | DbTransaction, passage: SuggestedPassage, minScore: number): Promise<Suggestion[]> {
  const [claims, dismissed] = await Promise.all([
    client.claim.findMany({ where: { passageId: passage.id, deletedAt: null }, select: { start: true, end: true } }),
    dismissedSpans(client, passage.id),
  ]);
  return passageSuggestions(passage).filter(
    (suggestion) =>
      suggestion.score >= minScore &&
      !dismissed.has(spanKey(suggestion)) &&
      !claims.some((claim) => claim.start < suggestion.end && suggestion.start < claim.end),
  );
}

export const spanKey = (span: { start: number; end: number }) => `${span.start}:${span.end}`;

export async function dismissedSpans(client: DbClient | DbTransaction, passageId: string): Promise<Set<string>> {
  const dismissals = await client.suggestionDismissal.findMany({ where: { passageId }, select: { start: true, end: true } });
  return new Set(dismissals.map(spanKey));
}
