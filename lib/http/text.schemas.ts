import { z } from "zod";

// Every string a client sends goes through `text()`: PostgreSQL `text` cannot hold NUL (22021), and
// an unpaired UTF-16 surrogate (a JSON "\ud800" escape) is not Unicode, so neither can be stored,
// indexed or sent back as valid UTF-8. Refusing them at the schema gives a 400 with the field's path.

// With the `u` flag a paired surrogate is one astral code point, so \p{Cs} matches only unpaired halves.
const UNSAFE_CHARACTER = /[\u0000\p{Cs}]/u;

export type UnsafeCharacter = { index: number; kind: "nul" | "lone_surrogate" };

/** The first NUL or unpaired surrogate in `value`, with its UTF-16 offset; null for text that can be stored. */
export function findUnsafeCharacter(value: string): UnsafeCharacter | null {
  const match = UNSAFE_CHARACTER.exec(value);
  if (!match) return null;
  return { index: match.index, kind: match[0] === "\u0000" ? "nul" : "lone_surrogate" };
}

export function unsafeCharacterMessage({ index, kind }: UnsafeCharacter): string {
  return kind === "nul"
    ? `Contains a NUL character (\\u0000) at position ${index}, which text cannot hold; remove it (is this a binary file?).`
    : `Contains an unpaired UTF-16 surrogate at position ${index}, which is not valid Unicode; send well-formed text.`;
}

/** A string that refuses NUL and unpaired surrogates; chain `.trim()`, `.min()`, `.max()` as on `z.string()`. */
export function text(params?: { error?: string }) {
  return z.string(params).check((context) => {
    const unsafe = findUnsafeCharacter(context.value);
    // `continue` keeps the issue from aborting a union option, so unions report this field, not "no option matched".
    if (unsafe) context.issues.push({ code: "custom", message: unsafeCharacterMessage(unsafe), input: context.value, continue: true });
  });
}

// Names (people, workspaces, views, releases, ratings, tokens) show on one line beside others': line
// breaks, other control characters and explicit directional controls (which make "‮gpj.exe" read
// as "exe.jpg") have no place in them. Bidirectional names need none: the Unicode algorithm orders them.
const NOT_IN_NAMES = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** `text()` for a name: one line, without control characters; chain `.trim()`, `.min()`, `.max()`. */
export function nameText(params?: { error?: string }) {
  return text(params).check((context) => {
    if (NOT_IN_NAMES.test(context.value.trim())) {
      const message = "Names are one line of plain text: remove line breaks, tabs and other control characters (directional overrides included).";
      context.issues.push({ code: "custom", message, input: context.value, continue: true });
    }
  });
}

/** An opaque record id, in a path, a query or a body. */
export const ID_MAX_LENGTH = 64;
export const IdSchema = text().min(1, "Give an id").max(ID_MAX_LENGTH, `Ids are at most ${ID_MAX_LENGTH} characters`);

/** How deep imported JSON may nest: an annotation nests a handful of levels; thousands would overflow the stack that walks it. */
export const JSON_MAX_DEPTH = 64;

/**
 * Where in a parsed JSON value the first unsafe string is, for input that no schema describes
 * field by field (imported annotations keep other tools' keys). Keys count too, and so does nesting
 * deeper than JSON_MAX_DEPTH (reported for the whole value).
 */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string } | null {
  if (path.length > JSON_MAX_DEPTH) return { path: [], message: `Nests more than ${JSON_MAX_DEPTH} levels deep, which ClaimDesk does not read; flatten it.` };
  if (typeof value === "string") {
    const unsafe = findUnsafeCharacter(value);
    return unsafe ? { path, message: unsafeCharacterMessage(unsafe) } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const unsafeKey = findUnsafeCharacter(key);
      if (unsafeKey) return { path: [...path, key], message: `The key ${unsafeCharacterMessage(unsafeKey).replace(/^Contains/, "contains")}` };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
