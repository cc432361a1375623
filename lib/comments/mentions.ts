// Mentions are plain text: "@" followed by a member's name (or email) as it reads, so a comment
// written through the API mentions people exactly as one typed in the app does.

export type MentionCandidate = { userId: string; name: string; email: string };
export type Mention = { userId: string; start: number; end: number };

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Finds every "@Name" whose name is a member's, preferring the longest name at each "@"
 * ("@Ana Lima" over "@Ana"), and only where the name ends at a word boundary.
 */
export function findMentions(body: string, candidates: readonly MentionCandidate[]): Mention[] {
  const handles = candidates
    .flatMap((candidate) => [
      { userId: candidate.userId, handle: candidate.name.toLocaleLowerCase() },
      { userId: candidate.userId, handle: candidate.email.toLocaleLowerCase() },
    ])
    .filter(({ handle }) => handle.length > 0)
    .sort((a, b) => b.handle.length - a.handle.length);
  const lowered = body.toLocaleLowerCase();
  const mentions: Mention[] = [];
  for (let at = lowered.indexOf("@"); at !== -1; at = lowered.indexOf("@", at + 1)) {
    // An "@" inside a word is an email address being quoted, not a mention.
    if (at > 0 && WORD_CHARACTER.test(body[at - 1] ?? "")) continue;
    const match = handles.find(({ handle }) => lowered.startsWith(handle, at + 1) && !WORD_CHARACTER.test(body[at + 1 + handle.length] ?? ""));
    if (!match) continue;
    mentions.push({ userId: match.userId, start: at, end: at + 1 + match.handle.length });
    at += match.handle.length;
  }
  return mentions;
}

/** The "@query" being typed just before the caret, for autocomplete; null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1 || (at > 0 && WORD_CHARACTER.test(before[at - 1] ?? ""))) return null;
  const query = before.slice(at + 1);
  // Names have spaces, so allow up to three words; a newline or a long tail ends the mention.
  if (query.includes("\n") || query.length > 60 || query.split(" ").length > 3) return null;
  return { start: at, query };
}
