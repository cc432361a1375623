import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggestions/suggest-claims";

const ARTICLE = [
  "NEWS | SPORT | OPINION",
  "Port strike halts shipping",
  "About 1,400 dock workers at the Port of Kessel walked out on Friday. 👷 The union says pay fell 9 percent since 2021.",
  "Advertisement",
  "Frankly, this strike is a disgrace and must end.",
  "Port strike halts shipping",
].join("\n\n");

describe("suggestClaims", async () => {
  it("suggests prose sentences best first with exact offsets, leaving out debris", async () => {
    const suggestions = suggestClaims(ARTICLE);
    expect([...suggestions].sort((a, b) => a.start - b.start).map((s) => s.exact)).toEqual([
      "About 1,400 dock workers at the Port of Kessel walked out on Friday.",
      "The union says pay fell 9 percent since 2021.",
      "Frankly, this strike is a disgrace and must end.",
    ]);
    for (const suggestion of suggestions) expect(ARTICLE.slice(suggestion.start, suggestion.end)).toBe(suggestion.exact);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The opinion is suggested too, labelled as one, after the factual claims.
    expect(suggestions[suggestions.length - 1]).toMatchObject({ suggestedLabel: "opinion", exact: "Frankly, this strike is a disgrace and must end." });
  });

  it("is deterministic, so dismissals can refer to offsets", async () => {
    expect(suggestClaims(ARTICLE)).toEqual(suggestClaims(ARTICLE));
  });

  it("returns nothing for empty or whitespace text", async () => {
    expect(suggestClaims("")).toEqual([]);
    expect(suggestClaims(" \n\n ")).toEqual([]);
  });
});
