import type { HighlightRange } from "@/lib/search/search.schemas";

/** A search for a web address: its host, lowercase and without "www.", and the path typed after it ("" for a bare domain). */
export type UrlTarget = { host: string; path: string };

// One token that reads as a domain with an optional path: "un.org", "www.un.org/en/about", "https://who.int".
const URL_QUERY = /^(?:https?:\/\/)?(?:www\.)?((?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{L}{2,})([/?#]\S*)?$/iu;

export function urlTargetOf(q: string): UrlTarget | null {
  const match = URL_QUERY.exec(q.trim());
  if (!match?.[1]) return null;
  return { host: match[1].toLowerCase(), path: match[2] ?? "" };
}

/** Where the host (and the path, when typed) stands in a matching URL, to highlight it. */
export function urlHighlights(url: string, target: UrlTarget): HighlightRange[] {
  const lower = url.toLowerCase();
  const schemeEnd = lower.indexOf("://");
  const start = lower.indexOf(target.host, schemeEnd >= 0 ? schemeEnd + 3 : 0);
  if (start < 0) return [];
  const typed = `${target.host}${target.path.toLowerCase()}`;
  return [[start, start + (lower.startsWith(typed, start) ? typed.length : target.host.length)]];
}

/** The words of a web-search query, lowercase: those it looks for, and those it excludes with a leading "-". */
export type QueryWords = { wanted: string[]; excluded: string[] };

export function queryWordsOf(q: string): QueryWords {
  const wanted = new Set<string>();
  const excluded = new Set<string>();
  // A "quoted phrase" (excluded as a whole after "-"), or one token.
  for (const [, sign, phrase, token] of q.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (token === "OR") continue;
    const isExcluded = sign === "-" || (token?.startsWith("-") ?? false);
    for (const word of (phrase ?? token ?? "").match(/[\p{L}\p{N}]+/gu) ?? []) (isExcluded ? excluded : wanted).add(word.toLowerCase());
  }
  return { wanted: [...wanted], excluded: [...excluded] };
}

/** Words shorter than this are never corrected: their trigrams are too few to tell a typo from another word. */
export const CORRECTED_WORD_MIN_LENGTH = 4;

/** Whether a query word can be looked up among similar words: letters only, as the words table keeps them. */
export function isCorrectable(word: string): boolean {
  return word.length >= CORRECTED_WORD_MIN_LENGTH && /^\p{L}+$/u.test(word);
}
