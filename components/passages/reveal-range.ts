/**
 * Scrolls a range of the text into the visible part of its scrolling pane (the text pane on a wide
 * screen, the page when the desk is stacked), unless it is already wholly visible there. `obscuredBy`
 * is what sits stuck over the top of that pane, such as the "Mark claim" toolbar. Smooth, unless
 * the reader asked for reduced motion.
 */
export function revealRange(range: Range, obscuredBy: HTMLElement | null): void {
  const anchor = range.commonAncestorContainer;
  const start = anchor instanceof HTMLElement ? anchor : anchor.parentElement;
  if (!start) return;
  const scroller = scrollingAncestor(start);
  const box = range.getBoundingClientRect();
  const pane = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  const top = Math.max(pane.top, 0, obscuredBy?.getBoundingClientRect().bottom ?? 0);
  const bottom = Math.min(pane.bottom, window.innerHeight);
  if (box.top >= top && box.bottom <= bottom) return;
  // A span that fits is centred in the pane; a taller one starts at its top, so its first words show.
  const margin = 8;
  const delta = box.height <= bottom - top - 2 * margin ? (box.top + box.bottom) / 2 - (top + bottom) / 2 : box.top - top - margin;
  const behavior: ScrollBehavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "instant" : "smooth";
  (scroller ?? window).scrollBy({ top: delta, behavior });
}

function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let current = element.parentElement; current && current !== document.body && current !== document.documentElement; current = current.parentElement) {
    const { overflowY } = getComputedStyle(current);
    if ((overflowY === "auto" || overflowY === "scroll") && current.scrollHeight > current.clientHeight) return current;
  }
  return null;
}
