import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePassageText } from "@/lib/passages/normalize-text";
import { analyzeText } from "@/lib/suggestions/analyze-text";

describe("analyzeText", () => {
  it("maps sentences to exact UTF-16 offsets, across emoji, surrogate pairs and combining marks", () => {
    const text =
      "Intro 👩‍⚕️ doctors said 12% of 𝒳 patients recovered in 2024. Café owners — naïve? — paid €4.2m.\n\nThe 🏟️ stadium opened on 3 March 2023 and cost $310 million.";
    const sentences = analyzeText(text);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.exact);
    const last = sentences[sentences.length - 1];
    expect(last?.exact).toBe("The 🏟️ stadium opened on 3 March 2023 and cost $310 million.");
    expect(last?.start).toBe(text.indexOf("The 🏟️"));
  });

  it("never lets a sentence cross a line break, so headings do not glue onto the next sentence", () => {
    const text = "Council budget approved\nThe council approved £48 million on Tuesday. It passed 7 to 4.";
    expect(analyzeText(text).map((sentence) => sentence.exact)).toEqual([
      "Council budget approved",
      "The council approved £48 million on Tuesday.",
      "It passed 7 to 4.",
    ]);
    expect(analyzeText(text)[1]?.line).toBe("The council approved £48 million on Tuesday. It passed 7 to 4.");
  });

  it("gives entities and tags to the tokens", () => {
    const [sentence] = analyzeText("Unemployment fell to 5.1 percent in October 2024.");
    const entities = sentence?.tokens.filter((token) => token.isEntityStart).map((token) => token.entity);
    expect(entities).toEqual(expect.arrayContaining(["PERCENT", "DATE"]));
  });

  it("keeps offsets exact for any normalized text", () => {
    const pieces = fc.constantFrom("The mayor said", " 12%", " rose", ".", " ", "\n", "\n\n", "👍🏽", "é", "e\u0301", "“quoted”", "!", "?", " U.S.", "\u00a0", "\t", "–", "𝒳");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = normalizePassageText(parts.join(""));
        let previousEnd = 0;
        for (const sentence of analyzeText(text)) {
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.exact);
          expect(sentence.exact).not.toContain("\n");
          expect(sentence.exact.trim()).toBe(sentence.exact);
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = sentence.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
