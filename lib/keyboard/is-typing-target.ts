/** Whether a key event comes from a place where keys type text, so single-key shortcuts must not fire. */
function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);
}

/**
 * Whether a page's single-key shortcuts must leave this key alone: it is typed into a field, it comes
 * with a modifier (the browser's or the system's), or a dialog is open, whose keys are its own (a
 * shortcut must not relabel a claim behind the "?" dialog, and Escape closes the dialog first).
 */
export function isPageShortcutBlocked(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return true;
  return document.querySelector("dialog[open]") !== null;
}
