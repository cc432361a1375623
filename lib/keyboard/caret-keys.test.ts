import { describe, expect, it } from "vitest";
import { caretCommandFor, type KeyPress } from "@/lib/keyboard/caret-keys";

const press = (key: string, modifiers: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe("caretCommandFor", () => {
  it("moves by character, word, sentence, paragraph and text; Shift extends", () => {
    expect(caretCommandFor(press("ArrowRight"))).toEqual({ kind: "move", unit: "character", direction: 1, isExtending: false });
    expect(caretCommandFor(press("ArrowLeft", { ctrlKey: true, shiftKey: true }))).toEqual({ kind: "move", unit: "word", direction: -1, isExtending: true });
    expect(caretCommandFor(press("ArrowLeft", { altKey: true }))).toMatchObject({ unit: "word" });
    expect(caretCommandFor(press("ArrowDown", { altKey: true, shiftKey: true }))).toEqual({ kind: "move", unit: "sentence", direction: 1, isExtending: true });
    expect(caretCommandFor(press(")", { shiftKey: true }))).toEqual({ kind: "move", unit: "sentence", direction: 1, isExtending: false });
    expect(caretCommandFor(press("(", { shiftKey: true }))).toMatchObject({ unit: "sentence", direction: -1 });
    expect(caretCommandFor(press("ArrowUp", { ctrlKey: true }))).toMatchObject({ unit: "paragraph", direction: -1 });
    expect(caretCommandFor(press("End", { ctrlKey: true }))).toMatchObject({ unit: "text", direction: 1 });
  });

  it("leaves visual lines to the browser's layout", () => {
    expect(caretCommandFor(press("ArrowDown", { shiftKey: true }))).toEqual({ kind: "move-by-layout", granularity: "line", direction: 1, isExtending: true });
    expect(caretCommandFor(press("Home"))).toEqual({ kind: "move-by-layout", granularity: "lineboundary", direction: -1, isExtending: false });
  });

  it("selects a sentence with '.', collapses with Escape, and leaves the page's own shortcuts alone", () => {
    expect(caretCommandFor(press("."))).toEqual({ kind: "select-sentence" });
    expect(caretCommandFor(press("Escape"))).toEqual({ kind: "collapse" });
    for (const key of ["j", "k", "1", "2", "3", "s", "e", "?", "Enter", "m", "/"]) expect(caretCommandFor(press(key))).toBeNull();
    expect(caretCommandFor(press(".", { ctrlKey: true }))).toBeNull();
  });
});
