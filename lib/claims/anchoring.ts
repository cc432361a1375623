import { normalizePassageText } from "@/lib/passages/normalize-text";

// W3C Web Annotation selectors over a passage's stored text. Positions count UTF-16 code units.

export const CONTEXT_LENGTH = 32;

export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };
export type TextPosition = { start: number; end: number };
export type ClaimTarget = { quote: TextQuoteSelector; position: TextPosition };

export type AnchorResult = { ok: true; target: ClaimTarget } | { ok: false; reason: string };

const isWhitespace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

/** Shrinks a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, { start, end }: TextPosition): TextPosition {
  let trimmedStart = start;
  let trimmedEnd = end;
  while (trimmedStart < trimmedEnd && isWhitespace(text[trimmedStart])) trimmedStart++;
  while (trimmedEnd > trimmedStart && isWhitespace(text[trimmedEnd - 1])) trimmedEnd--;
  return { start: trimmedStart, end: trimmedEnd };
}

// A span must not cut a surrogate pair in half, or the quote would not be valid text.
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Selectors for the span [start, end) of `text`, after trimming whitespace at its edges. */
export function anchorByPosition(text: string, position: TextPosition): AnchorResult {
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return { ok: false, reason: `The span must satisfy 0 ≤ start < end ≤ ${text.length} (the passage length).` };
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { ok: false, reason: "The span cuts a character in half; adjust start or end by one." };
  }
  const trimmed = trimSpan(text, position);
  if (trimmed.start === trimmed.end) return { ok: false, reason: "The span holds only whitespace." };
  return {
    ok: true,
    target: {
      quote: {
        exact: text.slice(trimmed.start, trimmed.end),
        prefix: text.slice(Math.max(0, trimmed.start - CONTEXT_LENGTH), trimmed.start),
        suffix: text.slice(trimmed.end, trimmed.end + CONTEXT_LENGTH),
      },
      position: trimmed,
    },
  };
}

/**
 * Finds a quote in `text`, the stored (normalized) text; the selector is normalized the same way, so
 * a quote copied with other line ends or composed accents still finds its words. Prefix and suffix,
 * when given, must match the text around an occurrence. Occurrences with the whole context given win;
 * only when none has it does one whose context the passage's start or end cuts short count (a page's
 * header that the passage left out), and then only if some of its context was there to match. The
 * quote must then be unique.
 */
export function anchorByQuote(text: string, selector: { exact: string; prefix?: string; suffix?: string }): AnchorResult {
  const exact = normalizePassageText(selector.exact);
  const prefix = selector.prefix ? normalizePassageText(selector.prefix) : undefined;
  const suffix = selector.suffix ? normalizePassageText(selector.suffix) : undefined;
  if (exact.length === 0) return { ok: false, reason: "The quote is empty." };
  const whole: number[] = [];
  const cutShort: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && whole.length < 2; at = text.indexOf(exact, at + 1)) {
    const fit = contextFit(text, at, exact.length, prefix, suffix);
    if (fit === "whole") whole.push(at);
    else if (fit === "cut short" && cutShort.length < 2) cutShort.push(at);
  }
  const matches = whole.length > 0 ? whole : cutShort;
  const [first] = matches;
  if (first === undefined) {
    return {
      ok: false,
      reason: text.includes(exact)
        ? "The quote occurs in the passage, but not with the given prefix and suffix."
        : "The quote does not occur in the passage text.",
    };
  }
  if (matches.length > 1) {
    return { ok: false, reason: "The quote occurs more than once; add a prefix or suffix to say which occurrence." };
  }
  return anchorByPosition(text, { start: first, end: first + exact.length });
}

// Characters of given context that must match where the passage's start or end cuts the rest short.
const MIN_CUT_SHORT_CONTEXT = 8;

/**
 * How the given context fits an occurrence: whole, cut short by the passage's start or end (what is
 * there matches, and at least MIN_CUT_SHORT_CONTEXT characters of it, or all that was given), or not.
 */
function contextFit(text: string, at: number, length: number, prefix?: string, suffix?: string): "whole" | "cut short" | "none" {
  const before = prefix ? text.slice(Math.max(0, at - prefix.length), at) : "";
  const after = suffix ? text.slice(at + length, at + length + suffix.length) : "";
  if ((prefix && !prefix.endsWith(before)) || (suffix && !suffix.startsWith(after))) return "none";
  const given = (prefix?.length ?? 0) + (suffix?.length ?? 0);
  if (before.length + after.length === given) return "whole";
  return before.length + after.length >= Math.min(MIN_CUT_SHORT_CONTEXT, given) && before.length + after.length > 0 ? "cut short" : "none";
}
