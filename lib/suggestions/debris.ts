import type { AnalyzedSentence, TextToken } from "@/lib/suggestions/analyze-text";

/** Why a sentence is not worth suggesting: it is part of the page around the article, not the article. */
export type DebrisReason = "repeated_line" | "menu" | "boilerplate" | "heading" | "fragment" | "question" | "duplicate";

/** Fewer words than this is a fragment: captions, bylines, "Read more", "5 min read". */
export const MIN_SENTENCE_WORDS = 5;
/** A line without a full stop and at most this long is a heading, not prose. */
const MAX_HEADING_WORDS = 15;

// Lines of web-page furniture, matched at the start of a sentence (lower-cased).
const BOILERPLATE_START =
  /^(share\b|read more\b|read next\b|related\b|see also\b|watch\b|listen\b|advertisement\b|sponsored\b|sign up\b|subscribe\b|follow us\b|comments?\b|updated\b|published\b|posted\b|last modified\b|photo\b|image\b|video\b|caption\b|credit\b|click here\b|skip to\b|back to top\b|©|copyright\b|all rights reserved\b|accept (all )?cookies\b|privacy policy\b|terms of (use|service)\b|more details to follow\b|this story is developing\b|tell us what you think\b|download the app\b|already a subscriber\b)/;
const BOILERPLATE_ANYWHERE = /\b(we use cookies|cookie (policy|settings)|all rights reserved|comments below|our newsletter|sign up for|subscribe to our|min read)\b/;
const MENU_SEPARATORS = /[|•·›»]/g;
const TERMINAL_PUNCTUATION = /[.!?…]["'”’)\]]*$/;

export const isWordToken = (token: TextToken) => /[\p{L}\p{N}]/u.test(token.text);

/** A line as compared with other lines: case, spacing and edge punctuation do not matter. */
export const lineKey = (line: string) => line.toLowerCase().replace(/\s+/g, " ").replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");

/** Lines that occur more than once in the text: repeated headlines, section names and menus. */
export function repeatedLines(text: string): Set<string> {
  const counts = new Map<string, number>();
  for (const line of text.split("\n")) {
    const key = lineKey(line);
    if (key !== "") counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count > 1).map(([key]) => key));
}

/**
 * The reason a sentence is debris, or null for prose. `seen` holds the sentences met so far
 * (their normalized text) and is updated, so only the first of duplicate sentences survives.
 */
export function debrisReason(sentence: AnalyzedSentence, context: { repeated: Set<string>; seen: Set<string> }): DebrisReason | null {
  const { exact, line, tokens } = sentence;
  const lower = exact.toLowerCase();
  const words = tokens.filter(isWordToken);
  const isWholeLine = lineKey(line) === lineKey(exact);

  if (context.repeated.has(lineKey(line)) && (words.length <= MAX_HEADING_WORDS || !TERMINAL_PUNCTUATION.test(line))) return "repeated_line";
  if (isMenuLine(line)) return "menu";
  if (BOILERPLATE_START.test(lower.replace(/^["'“‘(\s]+/, "")) || BOILERPLATE_ANYWHERE.test(lower)) return "boilerplate";
  if (isWholeLine && words.length <= MAX_HEADING_WORDS && !TERMINAL_PUNCTUATION.test(exact)) return "heading";
  // The tagger sometimes misses a verb ("found/NOUN"), so only short verbless sentences are fragments.
  const hasVerb = tokens.some((token) => token.pos === "VERB" || token.pos === "AUX");
  if (words.length < MIN_SENTENCE_WORDS || (!hasVerb && words.length < 8)) return "fragment";
  if (/\?["'”’)]*$/.test(exact)) return "question";
  const key = lineKey(exact);
  if (context.seen.has(key)) return "duplicate";
  context.seen.add(key);
  return null;
}

// "HOME | NEWS | SPORT", "HEALTH • SCIENCE", or a line in capitals: navigation, not prose.
function isMenuLine(line: string): boolean {
  if ((line.match(MENU_SEPARATORS)?.length ?? 0) >= 2) return true;
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
