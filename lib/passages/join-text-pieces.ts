/** What a walk over an HTML tree yields: text (collapsed unless preformatted), or a line or paragraph break. */
export type TextPiece = { text: string; isPreformatted: boolean } | { lineBreaks: 1 | 2 };

/**
 * Joins the pieces into passage text: breaks become one or two newlines (the larger wins), spaces
 * at line starts and doubled spaces go, and nothing trails at the end.
 *
 * The text so far is `parts` (never ending in whitespace) then `tail` (only spaces, tabs and
 * newlines), so trimming its end drops the tail instead of searching the whole text again: the
 * join stays linear in the document (a regex on the growing text made 32,000 paragraphs take 44 s).
 */
export function joinTextPieces(pieces: TextPiece[]): string {
  const parts: string[] = [];
  let tail = "";
  let lastChar = "";
  let pendingBreaks = 0;
  for (const piece of pieces) {
    if ("lineBreaks" in piece) {
      pendingBreaks = Math.max(pendingBreaks, piece.lineBreaks);
      continue;
    }
    const isEmpty = lastChar === "";
    const isLineStart = isEmpty || pendingBreaks > 0 || lastChar === "\n";
    let addition = piece.text;
    if (isLineStart) addition = piece.isPreformatted ? addition.replace(/^\n+/, "") : addition.replace(/^ +/, "");
    else if (!piece.isPreformatted && lastChar === " ") addition = addition.replace(/^ +/, "");
    if (addition === "") continue;
    if (pendingBreaks > 0 && !isEmpty) tail = "\n".repeat(pendingBreaks);
    pendingBreaks = 0;
    const contentEnd = trimmedEnd(addition);
    if (contentEnd === 0) tail += addition;
    else {
      parts.push(tail, addition.slice(0, contentEnd));
      tail = addition.slice(contentEnd);
    }
    lastChar = addition.charAt(addition.length - 1);
  }
  return parts.join("");
}

/** Where a string's trailing spaces, tabs and newlines begin (a backward scan: linear, unlike `/[ \t\n]+$/`). */
function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t" || text[end - 1] === "\n")) end--;
  return end;
}
