/** What a web page says about itself: Open Graph, article:* and author meta tags, and schema.org JSON-LD. */
export type PageMetadata = {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** As the page states it (ISO 8601 when the page follows the conventions). */
  publishedAt: string | null;
  language: string | null;
};

const ARTICLE_TYPES = new Set(["Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage"]);

function clean(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const collapsed = value.replace(/\s+/g, " ").trim();
  return collapsed === "" ? null : collapsed;
}

function metaContent(document: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = clean(document.querySelector(selector)?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(", ") : null;
  }
  if (value && typeof value === "object") return clean((value as { name?: unknown }).name);
  return clean(value);
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node["@type"];
  return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === "string") : typeof type === "string" ? [type] : [];
}

/** The first article-like node of the page's JSON-LD blocks (top level, arrays and @graph). */
function jsonLdArticle(document: Document): Record<string, unknown> | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    while (queue.length > 0) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...node);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (typesOf(record).some((type) => ARTICLE_TYPES.has(type))) return record;
        if (Array.isArray(record["@graph"])) queue.push(...(record["@graph"] as unknown[]));
      }
    }
  }
  return null;
}

/** Reads the page's own metadata; call it before Readability, which changes the document. */
export function readPageMetadata(document: Document): PageMetadata {
  const article = jsonLdArticle(document);
  return {
    title: clean(article?.headline) ?? metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']),
    author:
      nameOf(article?.author) ??
      metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="parsely-author"]']),
    publisher: nameOf(article?.publisher) ?? metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
    publishedAt:
      clean(article?.datePublished) ??
      metaContent(document, [
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[itemprop="datePublished"]',
      ]),
    language: clean(document.documentElement?.getAttribute("lang")),
  };
}
