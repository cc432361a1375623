/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as \u escapes
 * (still the same JSON), so no text inside can close the script or open a comment; U+2028/2029 too,
 * for readers that treat the block as JavaScript.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text for HTML contexts that are not built as DOM (feed entries readers show as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
