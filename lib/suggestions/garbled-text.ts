import type { AnalyzedSentence, TextToken } from "@/lib/suggestions/analyze-text";

/**
 * Where a sentence reads as if the scraper dropped a number or words: "nearly are reported to have
 * died", "in the s", "from to", "by %", "more than 10, Afghan forces", two sentences merged
 * ("has become more That echoes"). Each rule is a pattern that well-formed English almost never
 * shows, so a match is a reason to check the original source, not proof. Pure.
 */
export function findGarbledText(sentence: Pick<AnalyzedSentence, "exact" | "tokens">): string | null {
  return findInText(sentence.exact) ?? findInTokens(sentence.exact, sentence.tokens);
}

// A quantifier that needs a number after it: "nearly 300", never "nearly are".
const STRONG_QUANTIFIERS = new Set(["nearly", "almost", "approximately", "roughly", "estimated", "more than", "less than", "fewer than", "at least", "as many as", "up to"]);
// Words that may legitimately follow "more than 10," ("…more than 10, including two children").
const CONJUNCTION_POS = new Set(["CCONJ", "SCONJ", "ADP", "DET", "PRON", "VERB", "AUX", "ADV", "PUNCT"]);
// Function words that start a sentence; capitalized mid-sentence after a lowercase word, they mark two texts glued together.
const SENTENCE_STARTERS = new Set(["The", "An", "This", "That", "These", "Those", "It", "Its", "In", "But", "However", "They", "He", "She", "We"]);
const DANGLING_ENDINGS = new Set(["the", "a", "an", "and", "or", "but", "than", "from"]);
// Words that are doubled in good English ("that that", "had had").
const DOUBLED_OK = new Set(["that", "had", "very", "no", "so", "bye", "ha"]);

const TEXT_PATTERNS: RegExp[] = [
  /\b(?:in|during|since|until|by) (?:the )?(?:early |mid-?|late )?s\b(?!['’])/i, // "in the s": a dropped decade ("the 1990s")
  /\b(?:from|since) to\b/i, // "from to": a range without its ends
  /\bbetween and\b/i,
  /\b(?:by|of|to|at|than|nearly|about|around|some) (?:percent|per cent)\b/i, // "rose by percent"
  /[$£€](?!\s*\d)/, // "$ million"
  /,\s*,|\(\s*\)|\s[,;:]|\.\s+\.(?!\.)/, // ", ,", "()", "word , word", ". .": a token vanished between the marks
  /\b(?:its|their|his|her|our) (?:year|month|week|day) (?:history|career|reign|rule|war|run|old|long)\b/i, // "its year history": "its 50-year history"
  /\S {2,}\S/, // a double space inside a sentence
  /[^.\s] \.(?!\.)/, // "that al-Qaeda . Osama": a space before the full stop
];

function findInText(exact: string): string | null {
  for (const pattern of TEXT_PATTERNS) {
    const match = pattern.exec(exact);
    if (match) return around(exact, match.index, match.index + match[0].length);
  }
  // A percent sign with no number before it: "fell by % last year".
  for (let index = exact.indexOf("%"); index !== -1; index = exact.indexOf("%", index + 1)) {
    if (!/\d\s*$/.test(exact.slice(0, index))) return around(exact, index, index + 1);
  }
  return null;
}

const isLowerWord = (token: TextToken | undefined) => token !== undefined && /^\p{Ll}/u.test(token.text);
const isNumber = (token: TextToken | undefined) => token !== undefined && (token.pos === "NUM" || token.type === "number");

function findInTokens(exact: string, tokens: TextToken[]): string | null {
  const base = tokens[0]?.start ?? 0;
  const excerpt = (first: number, last: number) => exact.slice((tokens[Math.max(0, first)]?.start ?? base) - base, (tokens[last]?.end ?? base) - base);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    const bigram = previous ? `${previous.normal} ${token.normal}` : "";
    const quantifier = STRONG_QUANTIFIERS.has(bigram) ? bigram : STRONG_QUANTIFIERS.has(token.normal) ? token.normal : null;
    if (quantifier && next) {
      const before = tokens[index - quantifier.split(" ").length];
      // "nearly are reported", "more than , metres"; "80 are killed and nearly injured" (a parallel count, its number gone).
      const isParallelCount = next.pos === "VERB" && before?.pos === "CCONJ" && tokens.slice(0, index).some(isNumber);
      if (next.pos === "AUX" || next.text === "," || isParallelCount) {
        return excerpt(index - 1, index + 1);
      }
      // "more than 10, Afghan and coalition forces": the thousands after the comma are gone.
      const afterComma = tokens[index + 3];
      if (isNumber(next) && /^\d{1,3}$/.test(next.text) && tokens[index + 2]?.text === "," && afterComma && !CONJUNCTION_POS.has(afterComma.pos)) {
        const following = tokens[index + 4];
        if (!following || (following.pos !== "VERB" && following.pos !== "AUX")) return excerpt(index - 1, index + 3);
      }
    }
    // "has become more That echoes", "ordered after The dam's operator": a second text glued on.
    if (SENTENCE_STARTERS.has(token.text) && index > 0 && isLowerWord(previous) && /\p{L}/u.test(previous?.text ?? "") && isLowerWord(next)) {
      return excerpt(index - 1, index + 1);
    }
    // "founded in in Pakistan": the year between the two was dropped.
    if (previous && /^\p{L}{2,}$/u.test(token.text) && token.normal === previous.normal && !DOUBLED_OK.has(token.normal)) {
      return excerpt(index - 1, index);
    }
  }
  // A sentence that stops on "the", "and", "than" or a lone letter ("…skill sets, i.") was cut short.
  const words = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text));
  const last = words[words.length - 1];
  const endsOnStop = tokens[tokens.length - 1]?.text === ".";
  if (last && ((endsOnStop && (DANGLING_ENDINGS.has(last.normal) || /^\p{Ll}$/u.test(last.text))) || (last === tokens[tokens.length - 1] && /^\p{Ll}\.$/u.test(last.text)))) {
    return excerpt(tokens.length - 3, tokens.length - 1);
  }
  return null;
}

/** A few words either side of a match, so the reviewer can find the spot. */
function around(exact: string, start: number, end: number): string {
  const before = /(?:\S+\s+){0,2}\S*$/.exec(exact.slice(0, start))?.[0] ?? "";
  const after = /^\S*(?:\s+\S+){0,2}/.exec(exact.slice(end))?.[0] ?? "";
  return `${before}${exact.slice(start, end)}${after}`.replace(/\s+/g, " ").trim();
}
