import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinTextPieces, type TextPiece } from "@/lib/passages/join-text-pieces";

/** The join as first written: obviously right, and quadratic (it trims the whole text with a regex at every break). */
function joinBySearching(pieces: TextPiece[]): string {
  let text = "";
  let pendingBreaks = 0;
  for (const piece of pieces) {
    if ("lineBreaks" in piece) {
      pendingBreaks = Math.max(pendingBreaks, piece.lineBreaks);
      continue;
    }
    const isLineStart = text === "" || pendingBreaks > 0 || text.endsWith("\n");
    let addition = piece.text;
    if (isLineStart) addition = piece.isPreformatted ? addition.replace(/^\n+/, "") : addition.replace(/^ +/, "");
    else if (!piece.isPreformatted && text.endsWith(" ")) addition = addition.replace(/^ +/, "");
    if (addition === "") continue;
    if (pendingBreaks > 0 && text !== "") text = text.replace(/[ \t\n]+$/, "") + "\n".repeat(pendingBreaks);
    pendingBreaks = 0;
    text += addition;
  }
  return text.replace(/[ \t\n]+$/, "");
}

const pieceArbitrary: fc.Arbitrary<TextPiece> = fc.oneof(
  fc.record({ lineBreaks: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({
    text: fc.array(fc.constantFrom("a", "b", " ", "  ", "\t", "\n", "é", "x y"), { maxLength: 6 }).map((parts) => parts.join("")),
    isPreformatted: fc.boolean(),
  }),
);

describe("joinTextPieces", () => {
  it("gives exactly what the searching join gives, for any pieces", () => {
    fc.assert(
      fc.property(fc.array(pieceArbitrary, { maxLength: 40 }), (pieces) => {
        expect(joinTextPieces(pieces)).toBe(joinBySearching(pieces));
      }),
      { numRuns: 2000 },
    );
  });

  it("joins 32,000 paragraphs into 32,000 blank-line separated blocks", () => {
    const pieces: TextPiece[] = [];
    for (let i = 0; i < 32_000; i++) pieces.push({ lineBreaks: 2 }, { text: `Para ${i}. `, isPreformatted: false }, { lineBreaks: 2 });
    const text = joinTextPieces(pieces);
    expect(text.split("\n\n")).toEqual(Array.from({ length: 32_000 }, (_, i) => `Para ${i}.`));
  });
});
