import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { readPageMetadata } from "@/lib/passages/page-metadata";

const read = (html: string) => readPageMetadata(parseHTML(html).document);

describe("readPageMetadata", () => {
  it("reads Open Graph, article and author meta tags", () => {
    expect(
      read(`<html lang="de"><head>
        <meta property="og:title" content="  Haushalt   steigt ">
        <meta property="og:site_name" content="Beispielzeitung">
        <meta property="article:published_time" content="2026-01-05T10:00:00+01:00">
        <meta name="author" content="Eva Muster">
      </head><body></body></html>`),
    ).toEqual({ title: "Haushalt steigt", publisher: "Beispielzeitung", publishedAt: "2026-01-05T10:00:00+01:00", author: "Eva Muster", language: "de" });
  });

  it("prefers the article in JSON-LD, in a @graph, with several authors", () => {
    const metadata = read(`<html><head><meta property="og:title" content="Site title">
      <script type="application/ld+json">{"@graph":[{"@type":"Organization","name":"Org"},
        {"@type":["NewsArticle"],"headline":"Real headline","author":[{"name":"A"},{"name":"B"}],"publisher":{"name":"Pub"},"datePublished":"2025-05-01"}]}</script>
      </head><body></body></html>`);
    expect(metadata).toMatchObject({ title: "Real headline", author: "A, B", publisher: "Pub", publishedAt: "2025-05-01" });
  });

  it("skips JSON-LD it cannot parse and leaves absent fields null", () => {
    expect(read(`<html><head><script type="application/ld+json">{not json</script></head><body></body></html>`)).toEqual({
      title: null,
      author: null,
      publisher: null,
      publishedAt: null,
      language: null,
    });
  });
});
