import type { HighlightRange } from "@/lib/search/search.schemas";
import { snippetPieces } from "@/lib/search/snippet";

/** A search excerpt as text nodes with the matching words in <mark>; the text is never parsed as HTML. */
export function HighlightedSnippet({ snippet, highlights }: { snippet: string; highlights: readonly HighlightRange[] }) {
  return (
    <span className="search-snippet">
      {snippetPieces(snippet, highlights).map((piece, index) => (piece.isHighlight ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>))}
    </span>
  );
}
