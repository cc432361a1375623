import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caretStep, firstWords, innermostSpanAt, moveSelection, onRenderedLine, selectSentence, sentenceAround, spanOf, type TextUnit } from "@/lib/passages/caret-moves";

const TEXT = "The port handled 4.2 million containers. Critics disagree!\nA second paragraph 👩🏽‍🔬 here.";
const at = (needle: string) => TEXT.indexOf(needle);

describe("caretStep", () => {
  it("steps over whole characters, emoji sequences included", () => {
    const emoji = at("👩🏽‍🔬");
    expect(caretStep(TEXT, 0, "character", 1)).toBe(1);
    expect(caretStep(TEXT, 0, "character", -1)).toBe(0);
    expect(caretStep(TEXT, emoji, "character", 1)).toBe(emoji + "👩🏽‍🔬".length);
    expect(caretStep(TEXT, emoji + "👩🏽‍🔬".length, "character", -1)).toBe(emoji);
    expect(caretStep(TEXT, TEXT.length, "character", 1)).toBe(TEXT.length);
  });

  it("moves to the end of the next word forward and the start of the previous word back, numbers included", () => {
    expect(caretStep(TEXT, 0, "word", 1)).toBe(3);
    expect(caretStep(TEXT, 3, "word", 1)).toBe(at("port") + 4);
    expect(caretStep(TEXT, at("4.2"), "word", 1)).toBe(at("4.2") + 3);
    expect(caretStep(TEXT, at("ntainers"), "word", 1)).toBe(at("containers") + "containers".length);
    expect(caretStep(TEXT, at("containers."), "word", -1)).toBe(at("million"));
    expect(caretStep(TEXT, at("tainers"), "word", -1)).toBe(at("containers"));
    expect(caretStep(TEXT, 2, "word", -1)).toBe(0);
  });

  it("moves to the end of the sentence forward and its start back, across paragraphs", () => {
    const firstEnd = at("Critics") - 1;
    expect(caretStep(TEXT, 0, "sentence", 1)).toBe(firstEnd);
    expect(caretStep(TEXT, firstEnd, "sentence", 1)).toBe(at("!") + 1);
    expect(caretStep(TEXT, at("!") + 1, "sentence", 1)).toBe(TEXT.length);
    expect(caretStep(TEXT, at("second"), "sentence", -1)).toBe(at("A second"));
    expect(caretStep(TEXT, at("A second"), "sentence", -1)).toBe(at("Critics"));
    expect(caretStep(TEXT, at("Critics"), "sentence", -1)).toBe(0);
  });

  it("moves by paragraph (stored line) and to either end of the text", () => {
    const newline = TEXT.indexOf("\n");
    expect(caretStep(TEXT, 5, "paragraph", 1)).toBe(newline);
    expect(caretStep(TEXT, newline, "paragraph", 1)).toBe(TEXT.length);
    expect(caretStep(TEXT, TEXT.length, "paragraph", -1)).toBe(newline + 1);
    expect(caretStep(TEXT, newline + 1, "paragraph", -1)).toBe(0);
    expect(caretStep(TEXT, 7, "text", 1)).toBe(TEXT.length);
    expect(caretStep(TEXT, 7, "text", -1)).toBe(0);
  });
});

describe("moveSelection", () => {
  it("extends from the anchor with Shift, and collapses a selection to the edge on a plain character move", () => {
    const extended = moveSelection(TEXT, { anchor: 4, focus: 4 }, "word", 1, true);
    expect(extended).toEqual({ anchor: 4, focus: 8 });
    expect(TEXT.slice(extended.anchor, extended.focus)).toBe("port");
    expect(moveSelection(TEXT, extended, "character", -1, false)).toEqual({ anchor: 4, focus: 4 });
    expect(moveSelection(TEXT, extended, "character", 1, false)).toEqual({ anchor: 8, focus: 8 });
    expect(moveSelection(TEXT, { anchor: 8, focus: 4 }, "word", -1, true)).toEqual({ anchor: 8, focus: 0 });
  });

  it("keeps the caret inside the text and on character boundaries, whatever the moves", () => {
    const units: TextUnit[] = ["character", "word", "sentence", "paragraph", "text"];
    const text = `${TEXT} «Quoted» 4,200 e\u0301té.\n\nLast.`;
    const isBoundary = (offset: number) => {
      const code = text.charCodeAt(offset);
      return offset === 0 || offset === text.length || !(code >= 0xdc00 && code <= 0xdfff);
    };
    fc.assert(
      fc.property(
        fc.nat(text.length),
        fc.array(fc.tuple(fc.constantFrom(...units), fc.constantFrom<1 | -1>(1, -1), fc.boolean()), { maxLength: 30 }),
        (start, moves) => {
          let selection = { anchor: start - (isBoundary(start) ? 0 : 1), focus: start - (isBoundary(start) ? 0 : 1) };
          for (const [unit, direction, isExtending] of moves) {
            const next = moveSelection(text, selection, unit, direction, isExtending);
            for (const offset of [next.anchor, next.focus]) {
              expect(offset).toBeGreaterThanOrEqual(0);
              expect(offset).toBeLessThanOrEqual(text.length);
              expect(isBoundary(offset)).toBe(true);
            }
            if (isExtending) expect(next.anchor).toBe(selection.anchor);
            // Every step moves the caret in its direction, or leaves it where the text ends.
            if (direction === 1) expect(next.focus).toBeGreaterThanOrEqual(isExtending || unit !== "character" ? selection.focus : spanOf(selection).end);
            else expect(next.focus).toBeLessThanOrEqual(isExtending || unit !== "character" ? selection.focus : spanOf(selection).start);
            selection = next;
          }
        },
      ),
    );
  });
});

describe("onRenderedLine", () => {
  it("moves a caret off blank lines, which the reader does not render, in the direction of travel", () => {
    const text = "One.\n\n\nTwo.\n";
    expect(onRenderedLine(text, 5, 1)).toBe(7);
    expect(onRenderedLine(text, 6, -1)).toBe(4);
    expect(onRenderedLine(text, text.length, 1)).toBe(text.length - 1);
    expect(onRenderedLine("\nA", 0, -1)).toBe(1);
    expect(onRenderedLine(text, 2, 1)).toBe(2);
    expect(moveSelection(text, { anchor: 4, focus: 4 }, "character", 1, false)).toEqual({ anchor: 7, focus: 7 });
    expect(caretStep(text, 7, "paragraph", -1)).toBe(0);
  });
});

describe("selectSentence", () => {
  it("selects the sentence around the caret without its spaces, then grows by one sentence each time", () => {
    const once = selectSentence(TEXT, { anchor: at("4.2"), focus: at("4.2") });
    expect(TEXT.slice(once.anchor, once.focus)).toBe("The port handled 4.2 million containers.");
    const twice = selectSentence(TEXT, once);
    expect(TEXT.slice(twice.anchor, twice.focus)).toBe("The port handled 4.2 million containers. Critics disagree!");
    const thrice = selectSentence(TEXT, twice);
    expect(TEXT.slice(thrice.anchor, thrice.focus)).toBe(TEXT.slice(0, at("!") + 1) + "\nA second paragraph 👩🏽‍🔬 here.");
    expect(selectSentence(TEXT, thrice)).toEqual(thrice);
  });

  it("grows a partial selection to the whole sentences it touches", () => {
    const partial = { anchor: at("disagree") + 3, focus: at("port") };
    const whole = selectSentence(TEXT, partial);
    expect(TEXT.slice(whole.anchor, whole.focus)).toBe("The port handled 4.2 million containers. Critics disagree!");
  });

  it("finds the sentence around an offset, and none in an empty text", () => {
    expect(sentenceAround(TEXT, at("Critics"))).toEqual({ start: at("Critics"), end: at("!") + 1 });
    expect(sentenceAround("", 0)).toBeNull();
    expect(sentenceAround("   ", 1)).toBeNull();
  });
});

describe("innermostSpanAt and firstWords", () => {
  it("picks the shortest span holding the offset, where a span's end is outside it", () => {
    const outer = { id: "outer", start: 0, end: 40 };
    const inner = { id: "inner", start: 4, end: 8 };
    expect(innermostSpanAt([outer, inner], 5)?.id).toBe("inner");
    expect(innermostSpanAt([outer, inner], 8)?.id).toBe("outer");
    expect(innermostSpanAt([outer, inner], 40)).toBeNull();
  });

  it("names a span by its first words", () => {
    expect(firstWords(TEXT, { start: 0, end: at("Critics") - 1 }, 4)).toBe("The port handled 4.2…");
    expect(firstWords(TEXT, { start: at("Critics"), end: at("!") + 1 }, 4)).toBe("Critics disagree!");
    expect(firstWords("a\n  b", { start: 0, end: 5 }, 4)).toBe("a b");
  });
});
