import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END, HIGHLIGHT_START, parseMarkedSnippet, snippetPieces } from "@/lib/search/snippet";

const mark = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;

describe("parseMarkedSnippet", () => {
  it("returns plain text with the ranges of the marked words", () => {
    const { snippet, highlights } = parseMarkedSnippet(`Unemployment ${mark("fell")} to 5.1 ${mark("percent")}`);
    expect(snippet).toBe("Unemployment fell to 5.1 percent");
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual(["fell", "percent"]);
  });

  it("collapses line breaks and keeps markup a user typed as text", () => {
    const { snippet, highlights } = parseMarkedSnippet(`<b>bold</b>\n\n  ${mark("<script>")}  end`);
    expect(snippet).toBe("<b>bold</b> <script> end");
    expect(highlights).toEqual([[12, 20]]);
  });

  it("counts UTF-16 code units, as the browser does", () => {
    const { snippet, highlights } = parseMarkedSnippet(`😀 ${mark("café")}`);
    expect(snippet.slice(highlights[0]?.[0], highlights[0]?.[1])).toBe("café");
    expect(highlights).toEqual([[3, 7]]);
  });

  it("always yields ranges inside the text that pieces put back together", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant(HIGHLIGHT_START), fc.constant(HIGHLIGHT_END))), (parts) => {
        const { snippet, highlights } = parseMarkedSnippet(parts.join(""));
        for (const [start, end] of highlights) expect(0 <= start && start < end && end <= snippet.length).toBe(true);
        expect(snippetPieces(snippet, highlights).map((piece) => piece.text).join("")).toBe(snippet);
      }),
    );
  });
});
