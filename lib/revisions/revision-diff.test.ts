import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateQuote, revisionDiff } from "./revision-diff";

const joined = (segments: { text: string }[]) => segments.map((segment) => segment.text).join("");

describe("revisionDiff", () => {
  it("marks removed words on the old side and added words on the new side", () => {
    const diff = revisionDiff("Unemployment fell to 4 percent.", "Unemployment fell to 3.9 percent.", { old: [], new: [] });
    expect(diff.old.filter((segment) => segment.change === "removed").map((segment) => segment.text)).toEqual(["4"]);
    expect(diff.new.filter((segment) => segment.change === "added").map((segment) => segment.text)).toEqual(["3.9"]);
    expect(diff.removed).toBe(1);
    expect(diff.added).toBe(1);
  });

  it("draws each side's claims over exactly their spans, across changed words", () => {
    const oldText = "The port moved 40 tonnes. Fish were plenty.";
    const newText = "The port moved 42 tonnes. Fish were plenty.";
    const diff = revisionDiff(oldText, newText, { old: [{ id: "a", start: 4, end: 24 }], new: [{ id: "a", start: 4, end: 24 }, { id: "b", start: 26, end: 43 }] });
    const drawnOld = diff.old.filter((segment) => segment.claimIds.includes("a")).map((segment) => segment.text).join("");
    expect(drawnOld).toBe("port moved 40 tonnes");
    expect(diff.new.filter((segment) => segment.claimIds.includes("a")).map((segment) => segment.text).join("")).toBe("port moved 42 tonnes");
    expect(diff.new.filter((segment) => segment.claimIds.includes("b")).map((segment) => segment.text).join("")).toBe("Fish were plenty.");
  });

  it("leaves out claims outside the text", () => {
    const diff = revisionDiff("one two", "one three", { old: [{ id: "x", start: 3, end: 99 }], new: [] });
    expect(diff.old.every((segment) => segment.claimIds.length === 0)).toBe(true);
  });

  it("keeps each side's text whole, whatever the edits and claims", () => {
    const word = fc.constantFrom("a", "bb", "the", "4", "\n", " ", "  ", "cat.");
    fc.assert(
      fc.property(fc.array(word), fc.array(word), fc.nat(30), fc.nat(30), (oldWords, newWords, start, length) => {
        const oldText = oldWords.join("");
        const newText = newWords.join("");
        const claim = { id: "c", start, end: start + length + 1 };
        const diff = revisionDiff(oldText, newText, { old: [claim], new: [claim] });
        expect(joined(diff.old)).toBe(oldText);
        expect(joined(diff.new)).toBe(newText);
        for (const side of [diff.old, diff.new]) {
          let offset = 0;
          for (const segment of side) {
            const inside = claim.start <= offset && offset + segment.text.length <= claim.end;
            expect(segment.claimIds.includes("c")).toBe(inside && claim.end <= joined(side).length);
            offset += segment.text.length;
          }
        }
      }),
    );
  });
});

describe("locateQuote", () => {
  it("tells repeats apart by their prefix, and finds nothing for gone words", () => {
    const text = "Ships came. Ships came. Ships left.";
    expect(locateQuote(text, "Ships came.", "came. ")).toEqual({ start: 12, end: 23 });
    expect(locateQuote(text, "Ships came.")).toEqual({ start: 0, end: 11 });
    expect(locateQuote(text, "Trains came.")).toBeNull();
  });
});
