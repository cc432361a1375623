import search from "approx-string-match";
import { CONTEXT_LENGTH } from "@/lib/claims/anchoring";
import type { AnchorStatus, OldAnchor } from "@/lib/revisions/reanchor";
import { locate, type FixtureClaim, type RevisionFixture } from "@/lib/revisions/eval/revision-fixtures";

// Scores re-anchoring claim by claim (docs/revisions.md), ours beside a Hypothesis-style baseline.

/** Where a claim ended up: ours says how; the baseline only places (`placed`) or gives up. */
export type Outcome = { status: AnchorStatus | "placed"; start?: number; end?: number };

/**
 * - right: on its own words as expected (`changed` for an edited sentence, `orphaned` for deleted words);
 * - flagged: a person is asked (`changed` or `orphaned`) where it could have been placed: costs time, misleads no one;
 * - silent: an edited sentence placed on its new words without a flag (what the issue says Hypothesis does);
 * - misplaced: on words that are not its own, flagged or not: never acceptable.
 */
export type Verdict = "right" | "flagged" | "silent" | "misplaced";

export function oldAnchorOf(fixture: RevisionFixture, claim: FixtureClaim): OldAnchor {
  const { start, end } = locate(fixture.old, claim.quote, claim.within);
  return {
    start,
    end,
    exact: claim.quote,
    prefix: fixture.old.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: fixture.old.slice(end, end + CONTEXT_LENGTH),
  };
}

/** The span a careful person expects in the new text, or null when the claim's words are gone. */
export function expectedSpan(fixture: RevisionFixture, claim: FixtureClaim): { start: number; end: number } | null {
  const { expect } = claim;
  if (expect.kind === "gone") return null;
  const quote = expect.kind === "same" ? claim.quote : expect.quote;
  return locate(fixture.new, quote, expect.within ?? (expect.kind === "same" ? claim.within : undefined));
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function judge(fixture: RevisionFixture, claim: FixtureClaim, outcome: Outcome): Verdict {
  const expected = expectedSpan(fixture, claim);
  const placed = outcome.start !== undefined && outcome.end !== undefined && outcome.status !== "orphaned" ? { start: outcome.start, end: outcome.end } : null;
  if (!expected) return placed ? "misplaced" : "right";
  if (!placed) return "flagged";
  const shared = overlap(placed, expected);
  if (shared === 0) return "misplaced";
  const isFlagged = outcome.status === "changed";
  // The baseline's approximate matches may be a few characters off; most of both spans shared counts as on them.
  const isOnIt = outcome.status === "placed" ? shared / Math.max(placed.end - placed.start, expected.end - expected.start) >= 0.8 : placed.start === expected.start && placed.end === expected.end;
  switch (claim.expect.kind) {
    case "same":
      return isFlagged ? "flagged" : isOnIt ? "right" : "misplaced";
    case "retyped":
      return isFlagged || isOnIt ? "right" : "misplaced";
    case "edited":
      return isFlagged ? "right" : "silent";
    case "gone":
      // Its expected span is null, judged above.
      return "misplaced";
  }
}

/**
 * Hypothesis-style anchoring (its client's match-quote.js): the stored position if the quote is still
 * there, else an approximate search for the quote over the whole new text with up to half its length
 * in errors, each match scored by quote, prefix and suffix similarity and closeness to the old
 * position (weights 50, 20, 20, 2); the best match is accepted, whatever its score.
 */
export function hypothesisAnchor(newText: string, anchor: OldAnchor): Outcome {
  if (newText.slice(anchor.start, anchor.end) === anchor.exact) return { status: "placed", start: anchor.start, end: anchor.end };
  const maxErrors = Math.min(256, Math.floor(anchor.exact.length / 2));
  const matches = search(newText, anchor.exact, maxErrors);
  if (matches.length === 0) return { status: "orphaned" };
  let best: { start: number; end: number; score: number } | undefined;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / anchor.exact.length;
    const prefixScore = contextScore(newText.slice(Math.max(0, match.start - anchor.prefix.length), match.start), anchor.prefix);
    const suffixScore = contextScore(newText.slice(match.end, match.end + anchor.suffix.length), anchor.suffix);
    const positionScore = 1 - Math.abs(match.start - anchor.start) / newText.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best ? { status: "placed", start: best.start, end: best.end } : { status: "orphaned" };
}

function contextScore(text: string, context: string): number {
  if (context.length === 0) return 1;
  const matches = search(text, context, Math.floor(context.length / 2));
  const errors = matches.length === 0 ? context.length : Math.min(...matches.map((match) => match.errors));
  return 1 - errors / context.length;
}

export type Tally = Record<Verdict, number> & { orphaned: number; edited: number; editedFlagged: number };

export const emptyTally = (): Tally => ({ right: 0, flagged: 0, silent: 0, misplaced: 0, orphaned: 0, edited: 0, editedFlagged: 0 });

export function addToTally(tally: Tally, claim: FixtureClaim, outcome: Outcome, verdict: Verdict): void {
  tally[verdict]++;
  if (outcome.status === "orphaned") tally.orphaned++;
  if (claim.expect.kind === "edited") {
    tally.edited++;
    if (outcome.status === "changed" || outcome.status === "orphaned") tally.editedFlagged++;
  }
}
