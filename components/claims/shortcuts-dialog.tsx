"use client";

import { useEffect, useRef } from "react";

export const REVIEW_SHORTCUTS: [string, string][] = [
  ["j / k", "Next / previous claim"],
  ["1 / 2 / 3", "Label factual / opinion / disputed"],
  ["e", "Add evidence to the open claim"],
  ["s", "Move the open claim to its next review state"],
  ["Shift + arrows, Enter", "Select text in the passage and mark it as a claim"],
  ["Enter / x, ↑ / ↓", "On a focused suggestion: accept it as a draft claim / dismiss it, move between suggestions"],
  ["/", "Search the workspace (on workspace pages); filter the table (on the claims table)"],
  ["Ctrl + Enter", "Post the comment being written"],
  ["Escape", "Close the open claim"],
  ["?", "Show these shortcuts"],
];

export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
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
      <table className="shortcuts-table">
        <tbody>
          {REVIEW_SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
