// Public addresses of fact-checks: readable words from the statement, never an id.

export const SLUG_MAX_LENGTH = 80;

/** Lower-case ASCII words of `text` joined by hyphens, at most SLUG_MAX_LENGTH characters, cut at a word. */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX_LENGTH) break;
    slug = next;
  }
  // A statement with no Latin letters or digits (or one endless word) still gets an address.
  return slug || (words[0]?.slice(0, SLUG_MAX_LENGTH) ?? "") || "fact-check";
}

/** The candidate for the nth attempt: the slug itself, then slug-2, slug-3… */
export function slugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}

/**
 * A passage report's address: its title's words, then `--` and the passage id, so it needs no column
 * of its own and a renamed passage keeps answering (the id decides; the words are for people).
 */
export function passageReportSlug(passage: { id: string; title: string }): string {
  return `${slugify(passage.title).slice(0, 60)}--${passage.id}`;
}

export function passageIdOfReportSlug(slug: string): string | null {
  const index = slug.lastIndexOf("--");
  const id = index === -1 ? "" : slug.slice(index + 2);
  return /^[a-z0-9]{8,64}$/i.test(id) ? id : null;
}

export const factCheckPath = (slug: string) => `/fact-checks/${encodeURIComponent(slug)}`;
export const passageReportPath = (passage: { id: string; title: string }) => `/fact-checks/reports/${encodeURIComponent(passageReportSlug(passage))}`;
export const workspaceFeedPath = (workspaceId: string, format: "atom" | "json") =>
  `/fact-checks/feeds/${encodeURIComponent(workspaceId)}/${format === "atom" ? "atom.xml" : "feed.json"}`;

/** The slug of a fact-check page's path (/fact-checks/{slug}), or null for any other path. */
export function factCheckSlugOfPath(pathname: string): string | null {
  const match = /^\/fact-checks\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
