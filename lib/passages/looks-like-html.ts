// Real element names only, written as tags are written: "<p>", "</div>", "<br/>", "<a href=…>"; never "a < b".
const ELEMENT_TAG =
  /<\/?(?:p|div|br|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|article|section|header|footer|nav|main|aside|blockquote|figure|figcaption|img|hr|pre|code|script|style|meta|link|title|font|center)(?:\s[^<>]*)?\/?>/gi;
const DOCUMENT_TAG = /<(?:!doctype\s+html|html|head|body)\b[^<>]*>/i;

/**
 * Whether pasted text is HTML source (copied from a page's source or an editor) rather than prose
 * that mentions a tag: a document tag, or at least two element tags of which one closes an element
 * or breaks a line. Conservative, because HTML is reduced to its readable text and a false match
 * would lose the writer's own angle brackets.
 */
export function looksLikeHtml(text: string): boolean {
  if (DOCUMENT_TAG.test(text)) return true;
  const tags = text.match(ELEMENT_TAG) ?? [];
  return tags.length >= 2 && tags.some((tag) => tag.startsWith("</") || /^<br\b/i.test(tag));
}
