import { describe, expect, it } from "vitest";
import { looksLikeHtml } from "@/lib/passages/looks-like-html";

describe("looksLikeHtml", () => {
  it("recognizes pasted page source and fragments with real tags", () => {
    expect(looksLikeHtml("<!DOCTYPE html><title>x</title>Text")).toBe(true);
    expect(looksLikeHtml("<html><body>Budget passed.</body></html>")).toBe(true);
    expect(looksLikeHtml("<p>One.</p><p>Two.</p>")).toBe(true);
    expect(looksLikeHtml('<div class="story">The council met.<br>It voted.</div>')).toBe(true);
    expect(looksLikeHtml("First line<br/>Second line<br />Third line")).toBe(true);
    expect(looksLikeHtml('<P>Shouting tags</P> and <a href="https://x.example">a link</a>')).toBe(true);
  });

  it("leaves prose with angle brackets, a lone tag or made-up tags alone", () => {
    expect(looksLikeHtml("Inflation was < 2% and unemployment > 5% in the quarter.")).toBe(false);
    expect(looksLikeHtml("if a < b and b > c then a < c")).toBe(false);
    expect(looksLikeHtml("The <p> element starts a paragraph in HTML.")).toBe(false);
    expect(looksLikeHtml("Write to <editor@news.example> or <letters@news.example>.")).toBe(false);
    expect(looksLikeHtml("Placeholders such as <name> and </name> are filled in later.")).toBe(false);
    expect(looksLikeHtml("Plain text without any markup at all.")).toBe(false);
  });
});
