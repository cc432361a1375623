import { describe, expect, it } from "vitest";
import { FIELD_DRAFT_MAX_AGE_MS, fieldDraftKey, readFieldDraft, removeFieldDraft, removeFieldDraftsOf, writeFieldDraft, type DraftStorage } from "./field-drafts";

/** The Web Storage interface over a Map, as a browser without quota would behave. */
class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const key = fieldDraftKey({ userId: "user-1", record: "claim", recordId: "claim-1", field: "verdictNote" });

describe("fieldDraftKey", () => {
  it("differs per user, record and field, and escapes the separator", () => {
    const keys = new Set([
      key,
      fieldDraftKey({ userId: "user-2", record: "claim", recordId: "claim-1", field: "verdictNote" }),
      fieldDraftKey({ userId: "user-1", record: "claim", recordId: "claim-2", field: "verdictNote" }),
      fieldDraftKey({ userId: "user-1", record: "claim", recordId: "claim-1", field: "statement" }),
    ]);
    expect(keys.size).toBe(4);
    expect(fieldDraftKey({ userId: "a:b", record: "claim", recordId: "c", field: "d" })).not.toBe(
      fieldDraftKey({ userId: "a", record: "b:claim", recordId: "c", field: "d" }),
    );
  });
});

describe("field drafts in storage", () => {
  it("reads back what was written, and nothing after removal", () => {
    const storage = new MemoryStorage();
    const draft = { text: "Half-written note", base: "", savedAt: 1_000 };
    expect(writeFieldDraft(storage, key, draft)).toBe(true);
    expect(readFieldDraft(storage, key, 2_000)).toEqual(draft);
    removeFieldDraft(storage, key);
    expect(readFieldDraft(storage, key, 2_000)).toBeNull();
  });

  it("drops a draft older than the maximum age", () => {
    const storage = new MemoryStorage();
    writeFieldDraft(storage, key, { text: "old", base: "", savedAt: 0 });
    expect(readFieldDraft(storage, key, FIELD_DRAFT_MAX_AGE_MS)).not.toBeNull();
    expect(readFieldDraft(storage, key, FIELD_DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.items.has(key)).toBe(false);
  });

  it("drops what it cannot read instead of failing", () => {
    const storage = new MemoryStorage();
    storage.setItem(key, "{not json");
    expect(readFieldDraft(storage, key, 0)).toBeNull();
    storage.setItem(key, JSON.stringify({ text: 3 }));
    expect(readFieldDraft(storage, key, 0)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("reports a refused write", () => {
    const full: DraftStorage = {
      getItem: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException("Quota exceeded", "QuotaExceededError");
      },
    };
    expect(writeFieldDraft(full, key, { text: "x", base: "", savedAt: 0 })).toBe(false);
  });
});

describe("removeFieldDraftsOf", () => {
  it("drops every draft of one person and nothing else", () => {
    const storage = new MemoryStorage();
    const draft = { text: "x", base: "", savedAt: 0 };
    const mine = [key, fieldDraftKey({ userId: "user-1", record: "claim", recordId: "claim-2", field: "statement" })];
    // "user-10" shares user-1's prefix up to the separator; the other keys are not drafts at all.
    const others = [fieldDraftKey({ userId: "user-10", record: "claim", recordId: "claim-1", field: "verdictNote" }), fieldDraftKey({ userId: "user-2", record: "claim", recordId: "claim-1", field: "statement" })];
    for (const each of [...mine, ...others]) writeFieldDraft(storage, each, draft);
    storage.setItem("claimdesk-desk:v1:claims-share", "40");

    removeFieldDraftsOf(storage, "user-1");

    expect([...storage.items.keys()].sort()).toEqual([...others, "claimdesk-desk:v1:claims-share"].sort());
  });
});
