import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorByPosition, anchorByQuote, CONTEXT_LENGTH, trimSpan } from "@/lib/claims/anchoring";
import { normalizePassageText } from "@/lib/passages/normalize-text";

// Texts with emoji (surrogate pairs), combining marks, CRLF and repeated words, as real imports have.
const textArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom("The ", "port ", "handled ", "4.2 ", "million ", "😀", "👩🏽‍🔬", "e\u0301", "é", "\r\n", "\n", "  ", "«", "»", ". "),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 60 },
  )
  .map((parts) => normalizePassageText(parts.join("")));

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const cutsPair = (text: string, at: number) =>
  at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));

const textAndSpan = textArbitrary
  .filter((text) => text.trim().length > 0)
  .chain((text) =>
    fc
      .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: text.length }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) })),
  );

describe("normalizePassageText", () => {
  it("stores NFC text with \\n line ends", () => {
    expect(normalizePassageText("Cafe\u0301\r\nline\rend")).toBe("Café\nline\nend");
  });
});

describe("anchoring", () => {
  it("a claim made by offsets reads back with the same exact quote and selectors", () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        const result = anchorByPosition(text, { start, end });
        const trimmed = trimSpan(text, { start, end });
        if (cutsPair(text, start) || cutsPair(text, end) || trimmed.start === trimmed.end) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error(result.reason);
        const { quote, position } = result.target;
        expect(position).toEqual(trimmed);
        expect(quote.exact).toBe(text.slice(position.start, position.end));
        expect(quote.exact).toBe(quote.exact.trim());
        expect(quote.prefix).toBe(text.slice(Math.max(0, position.start - CONTEXT_LENGTH), position.start));
        expect(quote.suffix).toBe(text.slice(position.end, position.end + CONTEXT_LENGTH));
      }),
      { numRuns: 500 },
    );
  });

  it("a claim made by quote with its prefix and suffix finds the same offsets", () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        const byPosition = anchorByPosition(text, { start, end });
        if (!byPosition.ok) return;
        const { quote, position } = byPosition.target;
        const byQuote = anchorByQuote(text, quote);
        // Only a text that repeats the whole quote with its 32-character context can stay ambiguous.
        if (!byQuote.ok) {
          expect(byQuote.reason).toContain("more than once");
          return;
        }
        expect(byQuote.target.position).toEqual(position);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses quotes that are missing or ambiguous without context", () => {
    const text = "Unemployment fell. Later, unemployment fell again.";
    expect(anchorByQuote(text, { exact: "rose" })).toMatchObject({ ok: false, reason: expect.stringContaining("does not occur") });
    expect(anchorByQuote(text, { exact: "fell" })).toMatchObject({ ok: false, reason: expect.stringContaining("more than once") });
    expect(anchorByQuote(text, { exact: "fell", suffix: " again" })).toMatchObject({
      ok: true,
      target: { position: { start: 39, end: 43 } },
    });
  });

  it("lets whole context decide, and counts context cut short by the passage's start or end only when some of it matched", () => {
    const text = "Taxes rose. Then the minister said: Taxes rose.";
    const second = text.lastIndexOf("Taxes rose");
    expect(anchorByQuote(text, { exact: "Taxes rose", prefix: "the minister said: " })).toMatchObject({ ok: true, target: { position: { start: second } } });
    expect(anchorByQuote(text, { exact: "Taxes rose", suffix: ". Then" })).toMatchObject({ ok: true, target: { position: { start: 0 } } });
    // A prefix that occurs nowhere says nothing is at the passage's start.
    expect(anchorByQuote(text, { exact: "Taxes rose", prefix: "The governor said: " })).toMatchObject({ ok: false, reason: expect.stringContaining("not with the given prefix") });
    // A page's header the passage left out: the suffix is there to match.
    expect(anchorByQuote(text, { exact: "Taxes rose", prefix: "Menu Home News ", suffix: ". Then the" })).toMatchObject({ ok: true, target: { position: { start: 0 } } });
  });

  it("finds a quote copied with other line ends or decomposed accents in the stored text", () => {
    const text = normalizePassageText("Prices rose 10 percent.\r\nThe café closed.");
    expect(anchorByQuote(text, { exact: "percent.\r\nThe cafe\u0301" })).toMatchObject({ ok: true, target: { quote: { exact: "percent.\nThe café" } } });
  });

  it("trims whitespace at the edges of a selection", () => {
    expect(anchorByPosition("  The claim.  ", { start: 0, end: 14 })).toMatchObject({
      ok: true,
      target: { quote: { exact: "The claim.", prefix: "  ", suffix: "  " }, position: { start: 2, end: 12 } },
    });
    expect(anchorByPosition("a   b", { start: 1, end: 4 })).toMatchObject({ ok: false });
  });

  it("refuses spans outside the text or cutting an emoji in half", () => {
    expect(anchorByPosition("abc", { start: 2, end: 4 }).ok).toBe(false);
    expect(anchorByPosition("abc", { start: 2, end: 2 }).ok).toBe(false);
    expect(anchorByPosition("a😀b", { start: 0, end: 2 }).ok).toBe(false);
    expect(anchorByPosition("a😀b", { start: 0, end: 3 })).toMatchObject({ ok: true, target: { quote: { exact: "a😀" } } });
  });
});
