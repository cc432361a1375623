// Caret and selection moves over a passage's text, in UTF-16 offsets, for marking claims by keyboard.
// Words and sentences come from Intl.Segmenter; moves that depend on layout (visual lines) are the
// browser's (Selection.modify), so everything here is pure and runs the same in Node and the page.

export type CaretSelection = { anchor: number; focus: number };
export type TextUnit = "character" | "word" | "sentence" | "paragraph" | "text";
export type Direction = 1 | -1;
type Span = { start: number; end: number };

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const words = new Intl.Segmenter(undefined, { granularity: "word" });
const sentences = new Intl.Segmenter(undefined, { granularity: "sentence" });

export function spanOf({ anchor, focus }: CaretSelection): Span {
  return { start: Math.min(anchor, focus), end: Math.max(anchor, focus) };
}

export function isCollapsed({ anchor, focus }: CaretSelection): boolean {
  return anchor === focus;
}

/**
 * Where the caret lands after one step of `unit` from `from`. Word and sentence steps stop at the
 * end of a word or sentence going forward and at its start going back, so Shift+steps select
 * whole words and sentences without their surrounding spaces.
 */
export function caretStep(text: string, from: number, unit: TextUnit, direction: Direction): number {
  const at = clamp(from, text.length);
  switch (unit) {
    case "character":
      return graphemeStep(text, at, direction);
    case "word":
      return direction === 1 ? nextWordEnd(text, at) : previousWordStart(text, at);
    case "sentence":
      return direction === 1 ? nextSentenceEnd(text, at) : previousSentenceStart(text, at);
    case "paragraph":
      return direction === 1 ? nextParagraphEnd(text, at) : previousParagraphStart(text, at);
    case "text":
      return direction === 1 ? text.length : 0;
  }
}

/**
 * The selection after a move: extending moves the focus and keeps the anchor; a plain character
 * move over a selection collapses it to the edge in the direction of travel, as editors do.
 */
export function moveSelection(text: string, selection: CaretSelection, unit: TextUnit, direction: Direction, isExtending: boolean): CaretSelection {
  if (isExtending) return { anchor: selection.anchor, focus: onRenderedLine(text, caretStep(text, selection.focus, unit, direction), direction) };
  if (unit === "character" && !isCollapsed(selection)) {
    const { start, end } = spanOf(selection);
    const edge = direction === 1 ? end : start;
    return { anchor: edge, focus: edge };
  }
  const caret = onRenderedLine(text, caretStep(text, selection.focus, unit, direction), direction);
  return { anchor: caret, focus: caret };
}

/**
 * The reader renders no element for a blank line, so a caret there could not be shown and would
 * read back as the end of the line before; such offsets move on to the next shown position.
 */
export function onRenderedLine(text: string, offset: number, direction: Direction): number {
  const isBlankLine = (at: number) => (at === 0 || text[at - 1] === "\n") && (at === text.length || text[at] === "\n");
  if (!/[^\n]/u.test(text)) return offset;
  let at = offset;
  while (isBlankLine(at)) {
    if (direction === 1 && at === text.length) return onRenderedLine(text, at, -1);
    if (direction === -1 && at === 0) return onRenderedLine(text, at, 1);
    at += direction;
  }
  return at;
}

/** The sentence around `offset`, without its surrounding whitespace; null where there is only whitespace. */
export function sentenceAround(text: string, offset: number): Span | null {
  const segment = sentences.segment(text).containing(Math.min(clamp(offset, text.length), text.length - 1));
  return segment ? trimmedSegment(segment) : null;
}

/**
 * "Select sentence": a caret or a partial selection grows to the whole sentences it touches; a
 * selection that already is whole sentences grows by the next one, so repeating the key adds sentences.
 */
export function selectSentence(text: string, selection: CaretSelection): CaretSelection {
  const { start, end } = spanOf(selection);
  const first = sentenceAround(text, start) ?? sentenceAfter(text, start);
  if (!first) return selection;
  const last = end > start ? (sentenceAround(text, end - 1) ?? first) : first;
  const whole = { start: Math.min(first.start, start), end: Math.max(last.end, end) };
  const isAlreadyWhole = end > start && whole.start === start && whole.end === end;
  if (!isAlreadyWhole) return { anchor: whole.start, focus: whole.end };
  const next = sentenceAfter(text, end);
  return { anchor: start, focus: next ? next.end : end };
}

/** The innermost (shortest) span holding `offset`, where a caret just before a span's end is inside it. */
export function innermostSpanAt<T extends Span>(spans: readonly T[], offset: number): T | null {
  let best: T | null = null;
  for (const span of spans) {
    if (span.start <= offset && offset < span.end && (!best || span.end - span.start < best.end - best.start)) best = span;
  }
  return best;
}

/** The first `wordCount` words of a span, with an ellipsis when there are more, for naming a claim. */
export function firstWords(text: string, span: Span, wordCount: number): string {
  const slice = text.slice(span.start, span.end).replace(/\s+/gu, " ").trim();
  let seen = 0;
  for (const segment of words.segment(slice)) {
    if (segment.isWordLike) seen++;
    if (seen > wordCount) return `${slice.slice(0, segment.index).trimEnd()}…`;
  }
  return slice;
}

function clamp(offset: number, length: number): number {
  return Math.min(length, Math.max(0, offset));
}

function graphemeStep(text: string, at: number, direction: Direction): number {
  if (direction === 1) {
    const segment = graphemes.segment(text).containing(at);
    return segment ? segment.index + segment.segment.length : text.length;
  }
  if (at === 0) return 0;
  return graphemes.segment(text).containing(at - 1)?.index ?? 0;
}

function nextWordEnd(text: string, from: number): number {
  const segments = words.segment(text);
  for (let at = from; at < text.length; ) {
    const segment = segments.containing(at);
    if (!segment) break;
    const end = segment.index + segment.segment.length;
    if (segment.isWordLike) return end;
    at = end;
  }
  return text.length;
}

function previousWordStart(text: string, from: number): number {
  const segments = words.segment(text);
  for (let at = from; at > 0; ) {
    const segment = segments.containing(at - 1);
    if (!segment) break;
    if (segment.isWordLike) return segment.index;
    at = segment.index;
  }
  return 0;
}

function trimmedSegment({ index, segment }: { index: number; segment: string }): Span | null {
  const start = index + (segment.length - segment.trimStart().length);
  const end = index + segment.trimEnd().length;
  return start < end ? { start, end } : null;
}

function sentenceAfter(text: string, from: number): Span | null {
  const segments = sentences.segment(text);
  for (let at = from; at < text.length; ) {
    const segment = segments.containing(at);
    if (!segment) break;
    const span = trimmedSegment(segment);
    if (span && span.end > from) return span;
    at = segment.index + segment.segment.length;
  }
  return null;
}

function nextSentenceEnd(text: string, from: number): number {
  return sentenceAfter(text, from)?.end ?? text.length;
}

function previousSentenceStart(text: string, from: number): number {
  const segments = sentences.segment(text);
  for (let at = from; at > 0; ) {
    const segment = segments.containing(at - 1);
    if (!segment) break;
    const span = trimmedSegment(segment);
    if (span && span.start < from) return span.start;
    at = segment.index;
  }
  return 0;
}

function nextParagraphEnd(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  if (newline === from) return nextParagraphEnd(text, from + 1);
  return newline < 0 ? text.length : newline;
}

function previousParagraphStart(text: string, from: number): number {
  const lineStart = text.lastIndexOf("\n", from - 1) + 1;
  if (lineStart < from || from === 0) return lineStart;
  // Already at a line's start: the start of the previous line that holds text.
  let end = from - 1;
  while (end > 0 && text[end - 1] === "\n") end--;
  return text.lastIndexOf("\n", end - 1) + 1;
}
