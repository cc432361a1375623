import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offsetConverterOf, spanInCodePoints, spanInUtf16 } from "@/lib/claims/code-point-offsets";

describe("offsets in code points and UTF-16 code units", () => {
  it("agree for text without characters beyond U+FFFF", () => {
    const converter = offsetConverterOf("Le café, 東京 — ok");
    expect(converter.toCodePoints(12)).toBe(12);
    expect(converter.toUtf16(12)).toBe(12);
  });

  it("count each emoji once in code points and twice in code units", () => {
    const text = "a😀b🇫🇷c";
    const converter = offsetConverterOf(text);
    expect(spanInCodePoints(converter, { start: text.indexOf("b"), end: text.indexOf("c") })).toEqual({ start: 2, end: 5 });
    expect(spanInUtf16(converter, { start: 2, end: 5 })).toEqual({ start: 3, end: 8 });
  });

  it("select the same characters either way, for any text and span between whole characters", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("a", " ", "é", "😀", "𝕏", "東"), fc.string({ unit: "binary", maxLength: 1 })), { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join("");
        const codePoints = [...text];
        const [start, end] = [a % (codePoints.length + 1), b % (codePoints.length + 1)].sort((x, y) => x - y) as [number, number];
        const converter = offsetConverterOf(text);
        const utf16 = spanInUtf16(converter, { start, end });
        expect(text.slice(utf16.start, utf16.end)).toBe(codePoints.slice(start, end).join(""));
        expect(spanInCodePoints(converter, utf16)).toEqual({ start, end });
      }),
    );
  });
});
