"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A modal <dialog>: focus moves in when it opens (to a `data-autofocus` field if any) and back to what opened it when it closes (the browser does that). */
export function ModalDialog({ isOpen, onClose, labelledBy, className, children }: { isOpen: boolean; onClose: () => void; labelledBy: string; className?: string; children: ReactNode }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      // React's autoFocus fires before the dialog is shown; a field marked data-autofocus takes focus once it is.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={dialogRef} className={`card ${className ?? ""}`} aria-labelledby={labelledBy} onClose={onClose}>
      {isOpen && children}
    </dialog>
  );
}
