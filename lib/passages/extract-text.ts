import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { AppError } from "@/lib/http/errors";
import { joinTextPieces, type TextPiece } from "@/lib/passages/join-text-pieces";
import { type PageMetadata, readPageMetadata } from "@/lib/passages/page-metadata";
import { ACCEPTED_PASSAGE_FILES } from "@/lib/passages/passage.schemas";

type FileKind = "text" | "html";

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  txt: "text",
  text: "text",
  md: "text",
  markdown: "text",
  html: "html",
  htm: "html",
};

const KIND_BY_MEDIA_TYPE: Record<string, FileKind> = {
  "text/plain": "text",
  "text/markdown": "text",
  "text/x-markdown": "text",
  "text/html": "html",
};

// Block elements end a paragraph (a blank line) or a line; everything else is inline.
const PARAGRAPH_TAGS = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "nav", "ol", "p",
  "pre", "section", "summary", "table", "ul",
]);
const LINE_TAGS = new Set(["br", "caption", "dd", "dt", "li", "tr"]);
const CELL_TAGS = new Set(["td", "th"]);
// Never text a reader sees: code, styling, embedded objects and form controls.
const SKIPPED_TAGS = new Set([
  "button", "canvas", "embed", "head", "iframe", "input", "link", "math", "meta", "noscript", "object", "script",
  "select", "style", "svg", "template", "textarea", "title",
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** `metadata`: what an HTML page says about itself (import by URL reads it). */
export type ExtractedPassage = { title: string | null; text: string; metadata?: PageMetadata };

/**
 * The text of an uploaded file. Plain text and Markdown are kept as they are; HTML is reduced to
 * its readable article text (Readability), never to markup: paragraphs become blank-line separated
 * blocks, headings and list items get lines of their own. Normalization happens later, once.
 */
export function extractPassageText(file: { fileName: string; contentType: string; content: Uint8Array | string }): ExtractedPassage {
  const kind = fileKind(file.fileName, file.contentType);
  const content = typeof file.content === "string" ? file.content : decode(file.content, kind, file.contentType);
  return kind === "html" ? htmlToPassage(content) : { title: null, text: content };
}

/** Whether a file is read as HTML (slow: parsed, then reduced by Readability) or kept as text; refuses other files (415). */
export function passageFileKind(file: { fileName: string; contentType: string }): FileKind {
  return fileKind(file.fileName, file.contentType);
}

function fileKind(fileName: string, contentType: string): FileKind {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const kind = extension ? KIND_BY_EXTENSION[extension] : KIND_BY_MEDIA_TYPE[mediaType];
  if (kind) return kind;
  throw new AppError(
    "unsupported_media_type",
    `ClaimDesk cannot import "${(fileName || mediaType || "this file").slice(0, 100)}". Upload a ${ACCEPTED_PASSAGE_FILES} file, or paste the text.`,
  );
}

function decode(bytes: Uint8Array, kind: FileKind, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? (kind === "html" ? metaCharset(bytes) : undefined);
  const decoder = textDecoder(declared);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new AppError(
      "unsupported_media_type",
      `The file is not valid ${decoder.encoding} text. Save it as UTF-8 and upload it again.`,
    );
  }
}

function textDecoder(label: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label ?? "utf-8", { fatal: true });
  } catch {
    return new TextDecoder("utf-8", { fatal: true });
  }
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
}

function htmlToPassage(html: string): ExtractedPassage {
  const document = parseDocument(html);
  const documentTitle = collapseSpaces(document.querySelector("title")?.textContent ?? "");
  const metadata = readPageMetadata(document);
  let article: ReturnType<Readability<Node>["parse"]> = null;
  try {
    article = new Readability(document, { serializer: (node) => node }).parse();
  } catch {
    // Readability gives up on some odd documents; the whole body is the fallback anyway.
  }
  let text = article?.content ? blockText(article.content) : "";
  if (text === "") text = blockText(parseDocument(html).body);
  return { title: collapseSpaces(article?.title ?? "") || documentTitle || null, text, metadata };
}

// linkedom builds no implied <html>/<body> for fragments, and Readability needs a real body. A
// file without "<body" cannot have one, so it is parsed once, already wrapped (parsing dominates).
function parseDocument(html: string): Document {
  if (/<body[\s>]/i.test(html)) {
    const { document } = parseHTML(html);
    const root = document.documentElement as Element | null;
    const hasBody = root?.localName === "html" && Array.from(root.children).some((child) => child.localName === "body");
    if (hasBody) return document;
  }
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const title = document.body.querySelector("title");
  if (title) document.head.append(title);
  return document;
}

function blockText(root: Node): string {
  const pieces: TextPiece[] = [];
  collectPieces(root, pieces, false);
  return joinTextPieces(pieces);
}

function collectPieces(node: Node, pieces: TextPiece[], isPreformatted: boolean): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      const text = child.textContent ?? "";
      pieces.push({ text: isPreformatted ? text : text.replace(/[\t\n\f\r ]+/g, " "), isPreformatted });
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child as Element).localName.toLowerCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    const lineBreaks = PARAGRAPH_TAGS.has(tag) ? 2 : LINE_TAGS.has(tag) ? 1 : 0;
    if (lineBreaks) pieces.push({ lineBreaks });
    if (CELL_TAGS.has(tag)) pieces.push({ text: " ", isPreformatted: false });
    collectPieces(child, pieces, isPreformatted || tag === "pre");
    if (lineBreaks) pieces.push({ lineBreaks });
  }
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
