import { z } from "zod";
import { tryParseJson } from "@/lib/try-parse-json";

/**
 * Unsaved text of a form field, kept in the browser so that moving to another claim or reloading
 * loses nothing. `base` is the saved value the draft started from: when it no longer matches, the
 * saved text changed under the draft and the field asks which to keep.
 */
export type FieldDraft = { text: string; base: string; savedAt: number };

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

// A draft left alone this long is stale work nobody will come back to.
export const FIELD_DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const FieldDraftSchema = z.object({ text: z.string(), base: z.string(), savedAt: z.number().finite() });

/** One key per person, record and field: a draft never shows for another user of the same browser. */
export function fieldDraftKey(parts: { userId: string; record: string; recordId: string; field: string }): string {
  return [...userKeyParts(parts.userId), parts.record, parts.recordId, parts.field].map(encodeURIComponent).join(":");
}

const userKeyParts = (userId: string) => ["claimdesk-draft", "v1", userId];

/**
 * Drops every draft of this person, on sign-out: unsaved text must not outlive the session on a
 * shared computer. Other people's drafts in the same browser stay.
 */
export function removeFieldDraftsOf(storage: Pick<Storage, "length" | "key" | "removeItem">, userId: string): void {
  const prefix = `${userKeyParts(userId).map(encodeURIComponent).join(":")}:`;
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  // Removing while walking would shift the indexes under the loop.
  for (const key of keys) storage.removeItem(key);
}

export function readFieldDraft(storage: DraftStorage, key: string, now: number): FieldDraft | null {
  const stored = storage.getItem(key);
  if (stored === null) return null;
  const parsed = FieldDraftSchema.safeParse(tryParseJson(stored));
  if (!parsed.success || now - parsed.data.savedAt > FIELD_DRAFT_MAX_AGE_MS) {
    storage.removeItem(key);
    return null;
  }
  return parsed.data;
}

/** Keeps the draft; false when the browser refuses (storage full or disabled), so the caller can warn. */
export function writeFieldDraft(storage: DraftStorage, key: string, draft: FieldDraft): boolean {
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeFieldDraft(storage: DraftStorage, key: string): void {
  storage.removeItem(key);
}

