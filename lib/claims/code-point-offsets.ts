// ClaimDesk stores, serves and edits offsets in UTF-16 code units, as the browser counts them. The W3C
// Web Annotation model counts a TextPositionSelector in Unicode code points ("MUST be in terms of
// unicode code points, not in terms of code units"), as Python and most other readers index text. The
// two differ only after characters outside the Basic Multilingual Plane (most emoji, some CJK and
// mathematical letters): one code point each, two code units.

import type { TextPosition } from "@/lib/claims/anchoring";

/** Converts offsets of one text between UTF-16 code units and code points. */
export type OffsetConverter = {
  toCodePoints: (utf16Offset: number) => number;
  toUtf16: (codePointOffset: number) => number;
};

const SAME_OFFSETS: OffsetConverter = { toCodePoints: (offset) => offset, toUtf16: (offset) => offset };
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The converter of offsets into `text`; for text without astral characters both units agree. */
export function offsetConverterOf(text: string): OffsetConverter {
  // Where each astral character starts, counted both ways; each adds one code unit to what follows it.
  const utf16Starts: number[] = [];
  for (const match of text.matchAll(SURROGATE_PAIR)) utf16Starts.push(match.index);
  if (utf16Starts.length === 0) return SAME_OFFSETS;
  const codePointStarts = utf16Starts.map((start, index) => start - index);
  return {
    // An offset counts the astral characters that end at or before it (an offset inside a pair, which no span has, reads as after it).
    toCodePoints: (offset) => offset - countBelow(utf16Starts, offset - 1),
    toUtf16: (offset) => offset + countBelow(codePointStarts, offset),
  };
}

/** A span, from UTF-16 code units to code points. */
export function spanInCodePoints(converter: OffsetConverter, span: TextPosition): TextPosition {
  return { start: converter.toCodePoints(span.start), end: converter.toCodePoints(span.end) };
}

/** A span, from code points to UTF-16 code units. */
export function spanInUtf16(converter: OffsetConverter, span: TextPosition): TextPosition {
  return { start: converter.toUtf16(span.start), end: converter.toUtf16(span.end) };
}

/** How many of the ascending `values` are less than `limit`. */
function countBelow(values: number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? Infinity) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
