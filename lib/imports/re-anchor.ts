import { anchorByPosition, anchorByQuote, type AnchorResult, type TextPosition } from "@/lib/claims/anchoring";
import { spanInUtf16, type OffsetConverter } from "@/lib/claims/code-point-offsets";

/**
 * Where a file's position may point in the stored text (UTF-16 code units), most likely first. A W3C
 * Web Annotation counts code points (`codePoints` converts them); some tools that write the format
 * (Hypothesis among them) count code units as browsers do, so that reading comes second, and is only
 * ever used where the text there is exactly the quote.
 */
export function candidateRanges(range: TextPosition | null, codePoints: OffsetConverter | null): TextPosition[] {
  if (!range) return [];
  if (!codePoints) return [range];
  const converted = spanInUtf16(codePoints, range);
  return converted.start === range.start && converted.end === range.end ? [range] : [converted, range];
}

/**
 * Places an imported span in the stored text: by its quote (exact with prefix and suffix), else by
 * its position when the text there is still exactly the quote, else by position alone when the
 * file gave no quote. `codePoints` is given when the file's positions count code points (Web Annotation).
 */
export function reAnchor(
  text: string,
  selectors: { quote: { exact: string; prefix?: string; suffix?: string } | null; range: TextPosition | null },
  codePoints: OffsetConverter | null,
): AnchorResult {
  const { quote } = selectors;
  const ranges = candidateRanges(selectors.range, codePoints);
  if (quote) {
    const byQuote = anchorByQuote(text, quote);
    if (byQuote.ok) return byQuote;
    const stillQuoted = ranges.find((range) => text.slice(range.start, range.end) === quote.exact);
    return stillQuoted ? anchorByPosition(text, stillQuoted) : byQuote;
  }
  const [range] = ranges;
  if (range) return anchorByPosition(text, range);
  return { ok: false, reason: "The item has neither a TextQuoteSelector nor a TextPositionSelector." };
}
