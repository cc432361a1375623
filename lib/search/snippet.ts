import type { HighlightRange } from "@/lib/search/search.schemas";

// ts_headline marks matches with these control characters instead of HTML tags; the indexed text
// has them removed first, so every marker in its output is ours.
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

/**
 * Turns a marked excerpt into plain text and the ranges of its highlighted words, collapsing runs of
 * whitespace (line breaks of the passage) to one space. Clients render the text as text, never as HTML.
 */
export function parseMarkedSnippet(marked: string): { snippet: string; highlights: HighlightRange[] } {
  let snippet = "";
  const highlights: HighlightRange[] = [];
  let openAt: number | null = null;
  let isPendingSpace = false;
  for (const char of marked) {
    if (char === HIGHLIGHT_START) {
      if (isPendingSpace && snippet !== "") snippet += " ";
      isPendingSpace = false;
      openAt = snippet.length;
    } else if (char === HIGHLIGHT_END) {
      if (openAt !== null && snippet.length > openAt) highlights.push([openAt, snippet.length]);
      openAt = null;
    } else if (/\s/.test(char)) {
      isPendingSpace = true;
    } else {
      if (isPendingSpace && snippet !== "") snippet += " ";
      isPendingSpace = false;
      snippet += char;
    }
  }
  return { snippet, highlights };
}

/** Splits a snippet into plain and highlighted pieces, in order, for rendering as text nodes and <mark>s. */
export function snippetPieces(snippet: string, highlights: readonly HighlightRange[]): { text: string; isHighlight: boolean }[] {
  const pieces: { text: string; isHighlight: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > snippet.length || end <= start) continue;
    if (start > at) pieces.push({ text: snippet.slice(at, start), isHighlight: false });
    pieces.push({ text: snippet.slice(start, end), isHighlight: true });
    at = end;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), isHighlight: false });
  return pieces;
}
