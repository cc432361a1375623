"use client";

import { useCallback, useState } from "react";
import { readFieldDraft, removeFieldDraft, removeFieldDraftsOf, writeFieldDraft, type FieldDraft } from "@/lib/forms/field-drafts";

function browserDraftStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage can be switched off; the field then works as before, without drafts.
    return null;
  }
}

/**
 * A field's unsaved text kept in localStorage under `key`: what was stored is read once, on mount,
 * and `store` keeps the stored copy in step (null removes it, once the text is saved or dropped).
 */
export function useStoredDraft(key: string) {
  const [restored] = useState<FieldDraft | null>(() => {
    const storage = browserDraftStorage();
    return storage ? readFieldDraft(storage, key, Date.now()) : null;
  });
  const store = useCallback(
    (draft: { text: string; base: string } | null) => {
      const storage = browserDraftStorage();
      if (!storage) return;
      if (draft === null) removeFieldDraft(storage, key);
      else writeFieldDraft(storage, key, { ...draft, savedAt: Date.now() });
    },
    [key],
  );
  return { restored, store };
}

/** Drops a stored draft from outside its field, e.g. when the user chooses someone else's version. */
export function discardStoredDraft(key: string): void {
  const storage = browserDraftStorage();
  if (storage) removeFieldDraft(storage, key);
}

/** Drops every draft this person left in this browser; called on sign-out. */
export function discardStoredDraftsOf(userId: string): void {
  const storage = browserDraftStorage();
  if (storage) removeFieldDraftsOf(storage, userId);
}
