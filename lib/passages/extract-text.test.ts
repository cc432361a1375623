import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { extractPassageText } from "@/lib/passages/extract-text";

const html = (content: string, fileName = "article.html") =>
  extractPassageText({ fileName, contentType: "text/html", content });

const ARTICLE = `<!doctype html>
<html lang="en">
<head><title>Council passes budget</title><style>p { color: red }</style><script>window.steal()</script></head>
<body>
  <h1>Council passes   budget</h1>
  <p>The council voted &amp; approved the city&#8217;s plan. <img src=x onerror=alert(1)>Caf&eacute; owners cheered.</p>
  <h2>What changes</h2>
  <p>Spending
     rises by <b>4.2%</b>,<br>taxes stay flat.</p>
  <ul><li>Parks</li><li>Schools</li></ul>
  <script>document.write("<p>injected</p>")</script>
</body>
</html>`;

describe("extractPassageText", () => {
  it("keeps plain text and Markdown exactly as they are", () => {
    const markdown = "# Heading\r\n\r\n<b>not html</b> & *emphasis*\n";
    expect(extractPassageText({ fileName: "notes.md", contentType: "", content: markdown })).toEqual({ title: null, text: markdown });
    expect(extractPassageText({ fileName: "notes.TXT", contentType: "text/plain", content: "a\n\nb" }).text).toBe("a\n\nb");
  });

  it("reduces HTML to readable text: no scripts, styles or markup, entities decoded", () => {
    const { text } = html(ARTICLE);
    expect(text).not.toMatch(/steal|color: red|injected|document\.write/);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain("onerror");
    expect(text).toContain("The council voted & approved the city’s plan. Café owners cheered.");
  });

  it("keeps paragraphs as blank-line separated blocks, with headings and list items on their own lines", () => {
    const { text } = html(ARTICLE);
    expect(text).toContain("What changes\n\nSpending rises by 4.2%,\ntaxes stay flat.\n\nParks\nSchools");
    expect(text).not.toMatch(/\n{3,}|^\s|\s$| {2,}/);
  });

  it("takes the title from the document", () => {
    expect(html(ARTICLE).title).toBe("Council passes budget");
    expect(html("<p>No title here.</p>").title).toBeNull();
  });

  it("falls back to the body text of fragments and short pages", () => {
    expect(html("<p>One &lt;two&gt;</p><p>Three</p>").text).toBe("One <two>\n\nThree");
    expect(html("just words").text).toBe("just words");
    expect(html("<html><body><script>x()</script></body></html>").text).toBe("");
  });

  it("keeps preformatted text as it is", () => {
    expect(html("<p>Code:</p><pre>\n  a = 1\n    b = 2\n</pre>").text).toBe("Code:\n\n  a = 1\n    b = 2");
  });

  it("decodes bytes as UTF-8, or the charset the file declares", () => {
    const utf8 = new TextEncoder().encode("\uFEFFCafé");
    expect(extractPassageText({ fileName: "a.txt", contentType: "text/plain", content: utf8 }).text).toBe("Café");
    const latin1 = Uint8Array.from([0x3c, 0x70, 0x3e, 0x43, 0x61, 0x66, 0xe9]); // "<p>Caf\xe9"
    const withMeta = Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252">'), ...latin1]);
    expect(extractPassageText({ fileName: "a.html", contentType: "text/html", content: withMeta }).text).toBe("Café");
    expect(() => extractPassageText({ fileName: "a.txt", contentType: "text/plain", content: latin1 })).toThrow(/not valid utf-8/i);
  });

  it("refuses other file types, naming the accepted ones", () => {
    for (const file of [
      { fileName: "report.pdf", contentType: "application/pdf" },
      { fileName: "report.pdf", contentType: "text/plain" },
      { fileName: "photo", contentType: "image/png" },
    ]) {
      const attempt = () => extractPassageText({ ...file, content: "x" });
      expect(attempt).toThrow(AppError);
      expect(attempt).toThrow(/\.txt, \.md or \.html/);
    }
    expect(extractPassageText({ fileName: "clip", contentType: "text/html; charset=utf-8", content: "<p>a</p>" }).text).toBe("a");
  });

  it("never lets markup through, whatever the HTML", () => {
    const tag = fc.constantFrom("p", "div", "b", "img", "script", "style", "a", "li", "h2", "svg", "iframe", "textarea");
    const node = fc.oneof(
      fc.string({ maxLength: 8 }).map((text) => text.replace(/[<>&]/g, "")),
      fc.tuple(tag, fc.string({ maxLength: 8 })).map(([name, inner]) => `<${name} onclick="x()">${inner.replace(/[<>&]/g, "")}</${name}>`),
      fc.constant("<img src=x onerror=alert(1)>"),
    );
    fc.assert(
      fc.property(fc.array(node, { maxLength: 12 }), (nodes) => {
        const { text } = html(nodes.join(""));
        expect(text).not.toMatch(/<|>|onerror|onclick/);
      }),
    );
  });

  // Its time is measured in `npm run bench -- import`, not here; this pins that all of it arrives.
  it("keeps every paragraph of a 32,000-paragraph HTML file, in order", { timeout: 120_000 }, () => {
    const paragraphs = Array.from({ length: 32_000 }, (_, i) => `Para ${i}.`);
    const { text } = html(paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n"));
    expect(text.split("\n\n")).toEqual(paragraphs);
  });
});
