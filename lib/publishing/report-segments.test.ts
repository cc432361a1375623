import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportSegments } from "@/lib/publishing/report-segments";

describe("reportSegments", () => {
  it("highlights each span once and keeps the text around it", () => {
    expect(reportSegments("abcdefgh", [{ start: 5, end: 7 }, { start: 1, end: 3 }])).toEqual([
      { text: "a", claimIndex: null },
      { text: "bc", claimIndex: 1 },
      { text: "de", claimIndex: null },
      { text: "fg", claimIndex: 0 },
      { text: "h", claimIndex: null },
    ]);
  });

  it("skips overlapping and out-of-range spans", () => {
    const segments = reportSegments("abcdef", [{ start: 0, end: 4 }, { start: 2, end: 5 }, { start: 3, end: 99 }]);
    expect(segments.filter((segment) => segment.claimIndex !== null).map((segment) => segment.claimIndex)).toEqual([0]);
  });

  it("always gives back the whole text, in order", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(40), fc.nat(40))), (text, pairs) => {
        const spans = pairs.map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
        expect(reportSegments(text, spans).map((segment) => segment.text).join("")).toBe(text);
      }),
    );
  });
});
