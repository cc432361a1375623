import type { Direction, TextUnit } from "@/lib/passages/caret-moves";

export type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

/** What a key does to the caret in the passage text; visual lines are measured by the browser. */
export type CaretCommand =
  | { kind: "move"; unit: TextUnit; direction: Direction; isExtending: boolean }
  | { kind: "move-by-layout"; granularity: "line" | "lineboundary"; direction: Direction; isExtending: boolean }
  | { kind: "select-sentence" }
  | { kind: "collapse" };

/** The caret keys of the passage text, as the shortcuts dialog lists them. */
export const CARET_SHORTCUTS: [string, string][] = [
  ["← / →", "In the passage text: move the caret by character"],
  ["Ctrl + ← / →", "Move by word"],
  ["↑ / ↓, Home / End", "Move by line; to the start / end of the line"],
  ["Alt + ↑ / ↓, ( / )", "Move by sentence: back to its start, forward to its end"],
  ["Ctrl + ↑ / ↓, Ctrl + Home / End", "Move by paragraph; to the start / end of the text"],
  ["Shift + any of these", "Select from the caret"],
  [".", "Select the sentence at the caret; again to add the next sentence"],
  ["Enter or m", "Mark the selection as a claim"],
  ["Escape", "Clear the selection (again: close the open claim)"],
];

export function caretCommandFor(press: KeyPress): CaretCommand | null {
  const { key, shiftKey: isExtending, ctrlKey, altKey, metaKey } = press;
  const isWordModifier = ctrlKey || altKey;
  switch (key) {
    case "ArrowLeft":
    case "ArrowRight": {
      const direction = key === "ArrowRight" ? 1 : -1;
      if (metaKey) return { kind: "move-by-layout", granularity: "lineboundary", direction, isExtending };
      return { kind: "move", unit: isWordModifier ? "word" : "character", direction, isExtending };
    }
    case "ArrowUp":
    case "ArrowDown": {
      const direction = key === "ArrowDown" ? 1 : -1;
      if (altKey) return { kind: "move", unit: "sentence", direction, isExtending };
      if (ctrlKey) return { kind: "move", unit: "paragraph", direction, isExtending };
      if (metaKey) return { kind: "move", unit: "text", direction, isExtending };
      return { kind: "move-by-layout", granularity: "line", direction, isExtending };
    }
    case "Home":
    case "End": {
      const direction = key === "End" ? 1 : -1;
      if (ctrlKey || metaKey) return { kind: "move", unit: "text", direction, isExtending };
      return { kind: "move-by-layout", granularity: "lineboundary", direction, isExtending };
    }
  }
  if (ctrlKey || altKey || metaKey) return null;
  if (key === "(" || key === ")") return { kind: "move", unit: "sentence", direction: key === ")" ? 1 : -1, isExtending: false };
  if (key === ".") return { kind: "select-sentence" };
  if (key === "Escape") return { kind: "collapse" };
  return null;
}
