// Maps between offsets of the stored passage text (UTF-16 units) and DOM positions of the reader,
// which renders each non-empty line as one element holding one text node, marked with data-start.

export type TextLine = { start: number; text: string };

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (line.length > 0) lines.push({ start, text: line });
    start += line.length + 1;
  }
  return lines;
}

function lineElements(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>("[data-start]"));
}

/** The DOM point of a text offset; offsets between lines snap to the end of the line before. */
export function domPointAt(container: HTMLElement, offset: number, elements = lineElements(container)): [Node, number] | null {
  let low = 0;
  let high = elements.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (Number(elements[middle]?.dataset.start) <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const element = elements[Math.max(found, 0)];
  const node = element?.firstChild;
  if (!element || !node) return null;
  const local = found < 0 ? 0 : Math.min(offset - Number(element.dataset.start), node.textContent?.length ?? 0);
  return [node, local];
}

/** The text offset of a DOM point inside the reader, or null when it is outside the text. */
export function textOffsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  // A point between the lines themselves, where the browser's line moves may land.
  if (node === container) {
    const lines = lineElements(container);
    const after = Array.from(container.childNodes).slice(offset).find((child): child is HTMLElement => child instanceof HTMLElement && child.dataset.start !== undefined);
    if (after) return Number(after.dataset.start);
    const last = lines[lines.length - 1];
    return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : 0;
  }
  const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>("[data-start]");
  if (!element || !container.contains(element)) return null;
  const start = Number(element.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  // An element boundary: before or after the line's text.
  return offset === 0 ? start : start + (element.textContent?.length ?? 0);
}

export function rangeFor(container: HTMLElement, start: number, end: number, elements = lineElements(container)): Range | null {
  const from = domPointAt(container, start, elements);
  const to = domPointAt(container, end, elements);
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

export function allLineElements(container: HTMLElement): HTMLElement[] {
  return lineElements(container);
}
