import search from "approx-string-match";
import {
  alignTexts,
  deletedLength,
  insertedLength,
  keptFromElsewhere,
  mapEnd,
  mapStart,
  similarity,
  unchangedChunk,
  type Alignment,
} from "@/lib/revisions/text-alignment";

// Re-anchoring claims from one revision of a passage to the next (docs/decisions/012). Pure.
// Misplacing a claim is the one outcome we never accept: every step below either proves the claim's
// own words are where it lands (the diff kept them, or they reappear as new text with their context),
// or flags it `changed` on the words the edit put in place of its own, or leaves it `orphaned`.

export type AnchorStatus = "exact" | "moved" | "changed" | "orphaned";

/** A claim's place in the old revision: its span and its W3C quote selector. */
export type OldAnchor = { start: number; end: number; exact: string; prefix: string; suffix: string };

export type Reanchored =
  | { status: "exact" | "moved"; confidence: number; start: number; end: number }
  | { status: "changed"; confidence: number; start: number; end: number; previousQuote: string }
  | { status: "orphaned"; confidence: number };

// An edited sentence still corresponds when at least this much of it survives (edit-distance similarity),
// and the claim's new words when they keep this much of its old ones.
const MIN_SENTENCE_SIMILARITY = 0.5;
const MIN_QUOTE_SIMILARITY = 0.5;
// A quote found again is made at least half of new (inserted) text and none of other words the diff
// kept; it is accepted when this many characters of its context match too…
const MIN_CONTEXT_MATCH = 12;
// …or when it is long enough to be its own evidence. Between repeats, context decides by this many characters.
const CONTEXT_MARGIN = 8;
const SELF_EVIDENT_QUOTE_LENGTH = 40;
// Errors allowed when the words of a claim were deleted from a sentence that survives: a tight budget.
const CHANGED_QUOTE_ERROR_RATE = 0.25;
// A sentence removed in one place is looked for as added text elsewhere (moved and edited) only when
// it is this long, within this share of errors.
const MIN_MOVED_SENTENCE_LENGTH = 30;
const MOVED_SENTENCE_ERROR_RATE = 0.2;
// At most this many such searches per revision; past it a lost sentence is left orphaned (a person
// re-places it), so a rewrite of a whole passage with thousands of claims stays within seconds.
const MAX_MOVED_SENTENCE_SEARCHES = 200;
// How far a sentence reaches either way from a claim, at most.
const SENTENCE_REACH = 1000;
// How much of its sentence either side of a claim placed on its own words must be unedited for it to stay exact or moved.
const SENTENCE_CONTEXT_REACH = 200;
// The most occurrences of a quote looked at (a quote like "the" is never placed by search anyway).
const MAX_OCCURRENCES = 200;

/** Re-anchors every claim of a passage from `oldText` to `newText` with one diff of the two. */
export function reanchorAll(oldText: string, newText: string, anchors: readonly OldAnchor[]): Reanchored[] {
  const alignment = alignTexts(oldText, newText);
  const budget = { searches: MAX_MOVED_SENTENCE_SEARCHES };
  return anchors.map((anchor) => reanchorOne(alignment, oldText, newText, anchor, budget));
}

/** Fuzzy searches left for this revision: a rewrite of the whole text must not cost minutes. */
type SearchBudget = { searches: number };

function reanchorOne(alignment: Alignment, oldText: string, newText: string, anchor: OldAnchor, budget: SearchBudget): Reanchored {
  const placed = placeOwnWords(alignment, oldText, newText, anchor, budget);
  return placed.status === "exact" || placed.status === "moved" ? withSentenceChecked(oldText, newText, anchor, placed) : placed;
}

function placeOwnWords(alignment: Alignment, oldText: string, newText: string, anchor: OldAnchor, budget: SearchBudget): Reanchored {
  const { start, end, exact } = anchor;
  // The stored quote must be the old text's own words; if not, nothing can be proven about it.
  if (start < 0 || end > oldText.length || start >= end || oldText.slice(start, end) !== exact) return { status: "orphaned", confidence: 0 };

  const kept = unchangedChunk(alignment, start, end);
  if (kept) {
    const newStart = kept.newStart + (start - kept.oldStart);
    return { status: newStart === start ? "exact" : "moved", confidence: 1, start: newStart, end: newStart + exact.length };
  }

  const mappedStart = mapStart(alignment, start);
  const mappedEnd = mapEnd(alignment, end);
  const mapped = newText.slice(mappedStart, mappedEnd);
  // The diff split the span but kept its words (or changed only their typography): the same quote.
  if (mappedEnd > mappedStart && foldTypography(mapped) === foldTypography(exact)) {
    return { status: mappedStart === start ? "exact" : "moved", confidence: mapped === exact ? 1 : 0.95, start: mappedStart, end: mappedEnd };
  }

  // The diff may pair a few characters at the span's edges with others further on; the same quote
  // overlapping the place the diff maps the span to is still its own words.
  const nearby = quoteOverlapping(newText, exact, mappedStart, Math.max(mappedEnd, mappedStart + 1), (at) => hasNoOtherWords(alignment, anchor, at));
  if (nearby !== undefined) return { status: nearby === start ? "exact" : "moved", confidence: 0.95, start: nearby, end: nearby + exact.length };

  // Most of its words were removed here: they may have moved, as new text elsewhere.
  if (deletedLength(alignment, start, end) * 2 >= exact.length) {
    const found = findMovedQuote(alignment, newText, anchor, mappedStart);
    if (found) return found;
  }

  return changedOrOrphaned(alignment, oldText, newText, anchor, mappedStart, mappedEnd, budget);
}

/**
 * A claim's own characters are not enough: it reads its sentence. "3.1 percent" inside a new "13.1
 * percent", "safe for children" after a new "not", the same figure under a new subject: each keeps the
 * claim's characters and changes what they say. So a claim placed on its own words whose sentence was
 * edited (beyond typography) near it is `changed`, for a person to confirm, spanning its words widened
 * to whole words where the edit glued new letters or digits to them.
 */
function withSentenceChecked(oldText: string, newText: string, anchor: OldAnchor, placed: { status: "exact" | "moved"; confidence: number; start: number; end: number }): Reanchored {
  const span = widenedToWholeWords(newText, placed, oldText, anchor);
  const before = sentenceContext(oldText, anchor.start, anchor.end);
  const after = sentenceContext(newText, span.start, span.end);
  if (span.start === placed.start && span.end === placed.end && before.before === after.before && before.after === after.after) return placed;
  const quote = newText.slice(span.start, span.end);
  const sentenceSimilarity = similarity(`${before.before}\u0000${before.after}`, `${after.before}\u0000${after.after}`);
  const quoteSimilarity = similarity(foldTypography(anchor.exact), foldTypography(quote));
  const confidence = Math.min(0.99, (sentenceSimilarity + quoteSimilarity) / 2);
  return { status: "changed", confidence: round(confidence), start: span.start, end: span.end, previousQuote: anchor.exact };
}

// Where a sentence's context ends: a sentence mark (with closing quotes or brackets) before a space, or a
// blank line. A single line break is only a space here, so re-wrapping hard-wrapped text changes nothing.
const CONTEXT_START_BOUNDARY = /[.!?…]["'”’)\]]?\s|\n[ \t]*\n/g;
const CONTEXT_END_BOUNDARY = /[.!?…]["'”’)\]]?(?=\s|$)|\n[ \t]*\n/;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]?$/;

/** The words of a span's sentence either side of it (typography and spacing folded), up to SENTENCE_CONTEXT_REACH characters each. */
function sentenceContext(text: string, start: number, end: number): { before: string; after: string } {
  const beforeWindow = text.slice(Math.max(0, start - 2 * SENTENCE_CONTEXT_REACH), start);
  let sentenceStart = 0;
  for (const boundary of beforeWindow.matchAll(CONTEXT_START_BOUNDARY)) sentenceStart = boundary.index + boundary[0].length;
  let after = "";
  if (!ENDS_SENTENCE.test(text.slice(start, end))) {
    const afterWindow = text.slice(end, end + 2 * SENTENCE_CONTEXT_REACH);
    const boundary = CONTEXT_END_BOUNDARY.exec(afterWindow);
    after = boundary ? afterWindow.slice(0, boundary.index + (boundary[0].startsWith("\n") ? 0 : boundary[0].length)) : afterWindow;
  }
  return {
    before: foldTypography(beforeWindow.slice(sentenceStart)).trimStart().slice(-SENTENCE_CONTEXT_REACH),
    after: foldTypography(after).trimEnd().slice(0, SENTENCE_CONTEXT_REACH),
  };
}

const isWordCharacter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Where the old span began or ended between words, the new one does too: letters or digits the edit glued on are taken in. */
function widenedToWholeWords(newText: string, span: { start: number; end: number }, oldText: string, anchor: OldAnchor): { start: number; end: number } {
  let { start, end } = span;
  const isOldStartBetweenWords = !(isWordCharacter(oldText[anchor.start - 1]) && isWordCharacter(oldText[anchor.start]));
  const isOldEndBetweenWords = !(isWordCharacter(oldText[anchor.end - 1]) && isWordCharacter(oldText[anchor.end]));
  if (isOldStartBetweenWords) while (start > 0 && isWordCharacter(newText[start - 1]) && isWordCharacter(newText[start])) start--;
  if (isOldEndBetweenWords) while (end < newText.length && isWordCharacter(newText[end - 1]) && isWordCharacter(newText[end])) end++;
  return { start, end };
}

/** None of the quote found at `at` is old text the diff kept from outside the claim's span (someone else's words). */
function hasNoOtherWords(alignment: Alignment, anchor: OldAnchor, at: number): boolean {
  return keptFromElsewhere(alignment, at, at + anchor.exact.length, anchor.start, anchor.end) === 0;
}

/** The one occurrence of `quote` overlapping [from, to) made only of its own or new words, if exactly one is. */
function quoteOverlapping(text: string, quote: string, from: number, to: number, isOwn: (at: number) => boolean): number | undefined {
  const found: number[] = [];
  for (let at = text.indexOf(quote, Math.max(0, from - quote.length + 1)); at !== -1 && at < to; at = text.indexOf(quote, at + 1)) {
    if (isOwn(at)) found.push(at);
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The quote found again in the new text, only where the words are new (inserted) text: words the
 * diff kept belong to whoever was there before. Context (prefix, suffix) must confirm a short
 * quote; repeats are told apart by context, then by closeness to where the claim was expected.
 */
function findMovedQuote(alignment: Alignment, newText: string, anchor: OldAnchor, expectedAt: number): Reanchored | undefined {
  const { exact } = anchor;
  const candidates: { at: number; context: number; distance: number }[] = [];
  let seen = 0;
  for (let at = newText.indexOf(exact); at !== -1 && seen < MAX_OCCURRENCES; at = newText.indexOf(exact, at + 1), seen++) {
    if (insertedLength(alignment, at, at + exact.length) * 2 < exact.length) continue;
    const context = commonSuffixLength(anchor.prefix, newText.slice(Math.max(0, at - anchor.prefix.length), at)) +
      commonPrefixLength(anchor.suffix, newText.slice(at + exact.length, at + exact.length + anchor.suffix.length));
    if (!hasNoOtherWords(alignment, anchor, at)) continue;
    if (context < MIN_CONTEXT_MATCH && exact.length < SELF_EVIDENT_QUOTE_LENGTH) continue;
    candidates.push({ at, context, distance: Math.abs(at - expectedAt) });
  }
  candidates.sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = candidates;
  if (!best) return undefined;
  // Two places about as good by context: position may decide only when one is much nearer; else refuse.
  if (second && best.context - second.context < CONTEXT_MARGIN && !(best.distance * 2 < second.distance)) return undefined;
  const confidence = Math.min(0.99, 0.8 + (0.2 * best.context) / (anchor.prefix.length + anchor.suffix.length || 1));
  return { status: "moved", confidence: round(confidence), start: best.at, end: best.at + exact.length };
}

/**
 * The claim's sentence was edited. When the diff maps that sentence to a new one that still
 * resembles it, the claim spans the words that replaced its own (`changed`, for a person to
 * confirm); when the sentence is gone or rewritten beyond recognition, the claim is `orphaned`.
 */
function changedOrOrphaned(
  alignment: Alignment,
  oldText: string,
  newText: string,
  anchor: OldAnchor,
  mappedStart: number,
  mappedEnd: number,
  budget: SearchBudget,
): Reanchored {
  const orphaned: Reanchored = { status: "orphaned", confidence: 0 };
  const sentence = sentenceAround(oldText, anchor.start, anchor.end);
  const regionStart = mapStart(alignment, sentence.start);
  const regionEnd = mapEnd(alignment, sentence.end);
  const region = newText.slice(regionStart, regionEnd);
  if (region.trim() === "") return movedAndEdited(alignment, oldText, newText, anchor, sentence, budget) ?? orphaned;
  const sentenceSimilarity = similarity(foldTypography(oldText.slice(sentence.start, sentence.end)), foldTypography(region));
  if (sentenceSimilarity < MIN_SENTENCE_SIMILARITY) return orphaned;

  let span = trimmed(newText, Math.max(mappedStart, regionStart), Math.min(mappedEnd, regionEnd));
  if (!span) {
    // Its own words were deleted from a sentence that survives: only a close match inside that sentence counts.
    const matches = search(region, anchor.exact, Math.floor(anchor.exact.length * CHANGED_QUOTE_ERROR_RATE));
    const nearest = matches.sort((a, b) => a.errors - b.errors)[0];
    if (!nearest) return orphaned;
    span = trimmed(newText, regionStart + nearest.start, regionStart + nearest.end);
    if (!span) return orphaned;
  }
  span = withClosingMark(newText, span, anchor.exact);
  const quoteSimilarity = similarity(foldTypography(anchor.exact), foldTypography(newText.slice(span.start, span.end)));
  // Words that no longer resemble the claim's are not its edited words but what the edit left beside them.
  if (quoteSimilarity < MIN_QUOTE_SIMILARITY) return orphaned;
  const confidence = Math.min(0.99, (sentenceSimilarity + quoteSimilarity) / 2);
  return { status: "changed", confidence: round(confidence), start: span.start, end: span.end, previousQuote: anchor.exact };
}

/**
 * The claim's whole sentence was removed here. It may have moved and been edited on the way: look
 * for it, closely (a tight error budget) and only in text the revision added, never in kept text,
 * where a similar sentence belongs to someone else. One clear match, or nothing.
 */
function movedAndEdited(
  alignment: Alignment,
  oldText: string,
  newText: string,
  anchor: OldAnchor,
  sentence: { start: number; end: number },
  budget: SearchBudget,
): Reanchored | undefined {
  const oldSentence = oldText.slice(sentence.start, sentence.end).trim();
  if (oldSentence.length < MIN_MOVED_SENTENCE_LENGTH || budget.searches <= 0) return undefined;
  budget.searches--;
  const maxErrors = Math.floor(oldSentence.length * MOVED_SENTENCE_ERROR_RATE);
  const matches: { start: number; end: number; errors: number }[] = [];
  for (const chunk of alignment.newSide) {
    if (chunk.kind !== "insert" || chunk.newEnd - chunk.newStart < oldSentence.length - maxErrors) continue;
    for (const match of search(newText.slice(chunk.newStart, chunk.newEnd), oldSentence, maxErrors)) {
      matches.push({ start: chunk.newStart + match.start, end: chunk.newStart + match.end, errors: match.errors });
    }
  }
  matches.sort((a, b) => a.errors - b.errors);
  const [best, second] = distinctMatches(matches);
  if (!best || (second && second.errors <= best.errors + 1)) return undefined;
  // Within the sentence found, the claim spans what a diff of the two sentences maps its words to.
  const sentenceStart = oldText.indexOf(oldSentence, sentence.start);
  const local = alignTexts(oldSentence, newText.slice(best.start, best.end));
  const claimStart = anchor.start - sentenceStart;
  // Most of the claim's own words must be in the sentence found, or its place there is a guess.
  if (deletedLength(local, claimStart, anchor.end - sentenceStart) * 2 >= anchor.exact.length) return undefined;
  const span = trimmed(
    newText,
    best.start + mapStart(local, claimStart),
    best.start + mapEnd(local, anchor.end - sentenceStart),
  );
  if (!span) return undefined;
  const quote = newText.slice(span.start, span.end);
  const sentenceSimilarity = 1 - best.errors / oldSentence.length;
  if (quote === anchor.exact) return { status: "moved", confidence: round(Math.min(0.95, sentenceSimilarity)), start: span.start, end: span.end };
  // The match may run into the next sentence where words were cut: the claim's new words must still resemble its own.
  const quoteSimilarity = similarity(foldTypography(anchor.exact), foldTypography(quote));
  if (quoteSimilarity < MIN_QUOTE_SIMILARITY) return undefined;
  const confidence = Math.min(0.99, (sentenceSimilarity + quoteSimilarity) / 2);
  return { status: "changed", confidence: round(confidence), start: span.start, end: span.end, previousQuote: anchor.exact };
}

/** approx-string-match reports every end of a best match; keep one per place. */
function distinctMatches<T extends { start: number; end: number }>(matches: T[]): T[] {
  const kept: T[] = [];
  for (const match of matches) if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
  return kept;
}

/** The sentences a span lies in: from after the sentence end before it to the sentence end after it. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const floor = Math.max(0, start - SENTENCE_REACH);
  while (from > floor && !isSentenceBreak(text, from)) from--;
  let to = end;
  const ceiling = Math.min(text.length, end + SENTENCE_REACH);
  while (to < ceiling && !isSentenceBreak(text, to)) to++;
  return { start: from, end: to };
}

// A sentence starts at `at` when a line ends just before it, or a sentence mark and a space do.
function isSentenceBreak(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text[at - 1]!;
  if (before === "\n") return true;
  return /\s/.test(before) && /[.!?…]["'”’)\]]?$/.test(text.slice(Math.max(0, at - 3), at - 1));
}

/**
 * A diff may pair the sentence mark that ended the claim with one further on (the edit took the words
 * between); a quote that ended with a mark keeps ending with the one right after its new words.
 */
function withClosingMark(text: string, span: { start: number; end: number }, exact: string): { start: number; end: number } {
  const limit = Math.min(text.length, span.end + 3);
  const mark = exact.at(-1);
  if (!mark || !/[.!?;:,]/.test(mark) || text[span.end - 1] === mark) return span;
  let end = span.end;
  // Closing quotes or brackets may stand between the words and the mark.
  while (end < limit && /["'”’)\]]/.test(text[end]!)) end++;
  return text[end] === mark && end < limit ? { start: span.start, end: end + 1 } : span;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  // Never cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return to > from ? { start: from, end: to } : undefined;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Typography an editor changes without changing the words: quotes, dashes, ellipses, spaces. */
export function foldTypography(text: string): string {
  return text
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/…/g, "...")
    .replace(/\s+/g, " ");
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

const round = (value: number) => Math.round(value * 100) / 100;
