"use client";

import { useEffect, useRef } from "react";
import { CARET_SHORTCUTS } from "@/lib/keyboard/caret-keys";

export const REVIEW_SHORTCUTS: [string, string][] = [
  ["j / k", "Next / previous claim"],
  ["1 / 2 / 3", "Label factual / opinion / disputed"],
  ["e", "Add evidence to the open claim"],
  ["v", "Choose the open claim's verdict (editors and owners)"],
  ["s", "Move the open claim to its next review state"],
  ["Tab after the text", "One button per claim, in reading order, named by label and state; Enter opens it"],
  ["Enter / x, ↑ / ↓", "On a focused suggestion: accept it as a draft claim / dismiss it, move between suggestions"],
  ["/", "Search the workspace (on workspace pages); filter the table (on the claims table)"],
  ["Ctrl + Enter", "Post the comment being written"],
  ["Escape", "Close the open claim"],
  ["?", "Show these shortcuts"],
];

export const ANCHOR_QUEUE_SHORTCUTS: [string, string][] = [
  ["j / k", "Next / previous claim in the queue"],
  ["Enter", "Confirm the new placement of a changed claim"],
  ["r", "Place the claim on the words selected in the current text (with no selection: go to the text to select)"],
  ["o", "Leave the claim orphaned: its words are gone"],
  ["?", "Show these shortcuts"],
];

type ShortcutGroup = { heading: string; shortcuts: [string, string][] };

const SHORTCUT_GROUPS: ShortcutGroup[] = [
  { heading: "Reviewing", shortcuts: REVIEW_SHORTCUTS },
  { heading: "In the passage text", shortcuts: CARET_SHORTCUTS },
];

export function ShortcutsDialog({ isOpen, onClose, groups = SHORTCUT_GROUPS }: { isOpen: boolean; onClose: () => void; groups?: ShortcutGroup[] }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={dialogRef} className="card" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {groups.map(({ heading, shortcuts }) => (
        <table key={heading} className="shortcuts-table">
          <caption>{heading}</caption>
          <tbody>
            {shortcuts.map(([keys, action]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
