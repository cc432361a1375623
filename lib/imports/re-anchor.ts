import { anchorByPosition, anchorByQuote, type AnchorResult } from "@/lib/claims/anchoring";

/**
 * Places an imported span in the stored text: by its quote (exact with prefix and suffix), else by
 * its position when the text there is still exactly the quote, else by position alone when the
 * file gave no quote.
 */
export function reAnchor(
  text: string,
  selectors: { quote: { exact: string; prefix?: string; suffix?: string } | null; range: { start: number; end: number } | null },
): AnchorResult {
  const { quote, range } = selectors;
  if (quote) {
    const byQuote = anchorByQuote(text, quote);
    if (byQuote.ok) return byQuote;
    if (range && text.slice(range.start, range.end) === quote.exact) return anchorByPosition(text, range);
    return byQuote;
  }
  if (range) return anchorByPosition(text, range);
  return { ok: false, reason: "The item has neither a TextQuoteSelector nor a TextPositionSelector." };
}
