import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Claim } from "@/lib/claims/claim.schemas";
import { insertClaim } from "@/lib/claims/server/create-claim";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { openSuggestions, spanKey } from "@/lib/suggestions/server/passage-suggestions";
import { MAX_ACCEPTED_AT_ONCE, type AcceptSuggestionsInput, type Suggestion } from "@/lib/suggestions/suggestion.schemas";

/**
 * Turns open suggestions into draft claims with their suggested labels (none in a blind workspace), all or none in one
 * transaction, each written by insertClaim and audited as `claim.created` with origin "suggestion".
 * Either the listed spans (each must still be open) or every open suggestion scoring ≥ minScore.
 */
export async function acceptSuggestions({
  actor,
  passageId,
  input,
}: {
  actor: Actor;
  passageId: string;
  input: AcceptSuggestionsInput;
}): Promise<Claim[]> {
  return db.$transaction(
    async (tx) => {
      // The lock makes concurrent accepts of the same suggestion queue up; the second finds it marked.
      const { passage, role, isBlindReview } = await requirePassageAccess(actor, passageId, "claim.create", { client: tx, includeText: true, forUpdate: true });
      const open = await openSuggestions(tx, passage, "minScore" in input ? input.minScore : 0);
      const chosen = "suggestions" in input ? pickListed(open, input.suggestions) : open;
      if (chosen.length > MAX_ACCEPTED_AT_ONCE) {
        throw new AppError(
          "validation_failed",
          `${chosen.length} suggestions score at least ${"minScore" in input ? input.minScore : 0}; accept at most ${MAX_ACCEPTED_AT_ONCE} at once by raising the threshold.`,
          { details: [{ path: ["body", "minScore"], message: "Too many suggestions above this score" }] },
        );
      }
      const claims: Claim[] = [];
      for (const suggestion of [...chosen].sort((a, b) => a.start - b.start)) {
        const claimInput = { start: suggestion.start, end: suggestion.end, label: suggestion.suggestedLabel };
        claims.push(await insertClaim(tx, { actor, role, isBlindReview, passage, input: claimInput, origin: "suggestion" }));
      }
      return claims;
    },
    { timeout: 30_000 },
  );
}

function pickListed(open: Suggestion[], spans: { start: number; end: number }[]): Suggestion[] {
  const byKey = new Map(open.map((suggestion) => [spanKey(suggestion), suggestion]));
  const keys = [...new Set(spans.map(spanKey))];
  const missing = keys.filter((key) => !byKey.has(key));
  if (missing.length > 0) {
    throw new AppError(
      "conflict",
      `${missing.length === 1 ? "A suggestion is" : `${missing.length} suggestions are`} no longer open (already marked, dismissed, or not a suggestion of this passage): ${missing.join(", ")}. Reload the suggestions and try again.`,
      { details: { missing } },
    );
  }
  return keys.flatMap((key) => byKey.get(key) ?? []);
}
