import { describe, expect, it } from "vitest";
import { analyzeText } from "@/lib/suggestions/analyze-text";
import { debrisReason, repeatedLines } from "@/lib/suggestions/debris";

function reasons(text: string) {
  const context = { repeated: repeatedLines(text), seen: new Set<string>() };
  return analyzeText(text).map((sentence) => [sentence.exact, debrisReason(sentence, context)]);
}

const PROSE = "The council approved a £48.6 million budget on Tuesday night.";

describe("debris", () => {
  it("drops every copy of a repeated line, such as a headline printed twice", () => {
    const text = `Council approves budget with cuts\n\n${PROSE}\n\nCouncil approves budget with cuts`;
    expect(reasons(text)).toEqual([
      ["Council approves budget with cuts", "repeated_line"],
      [PROSE, null],
      ["Council approves budget with cuts", "repeated_line"],
    ]);
  });

  it("drops menus, capitals, boilerplate and cookie banners", () => {
    const text = [
      "HOME | NEWS | SPORT | WEATHER",
      "BUSINESS",
      "Advertisement",
      "Read more: Why the bus routes are shrinking in 2025",
      "We use cookies to give you the best experience on our website.",
      "© 2025 Riverton Today.",
      "Follow us on Facebook, Twitter and Instagram",
      "Timeline: Taliban in Afghanistan | News | Al Jazeera",
      PROSE,
    ].join("\n");
    expect(reasons(text)).toEqual([
      ["HOME | NEWS | SPORT | WEATHER", "menu"],
      ["BUSINESS", "menu"],
      ["Advertisement", "boilerplate"],
      ["Read more: Why the bus routes are shrinking in 2025", "boilerplate"],
      ["We use cookies to give you the best experience on our website.", "boilerplate"],
      ["© 2025 Riverton Today.", "boilerplate"],
      ["Follow us on Facebook, Twitter and Instagram", "boilerplate"],
      ["Timeline: Taliban in Afghanistan | News | Al Jazeera", "menu"],
      [PROSE, null],
    ]);
  });

  it("drops fragments, headings without a full stop, questions and later duplicates", () => {
    const text = `Pakistan and al qaeda relationship with taliban\n\nIt rose 4%. ${PROSE} What happens to the library next year? ${PROSE}`;
    expect(reasons(text)).toEqual([
      ["Pakistan and al qaeda relationship with taliban", "heading"],
      ["It rose 4%.", "fragment"],
      [PROSE, null],
      ["What happens to the library next year?", "question"],
      [PROSE, "duplicate"],
    ]);
  });

  it("keeps a long repeated paragraph once: it is duplicated prose, not a heading", () => {
    const paragraph = "The depot on Mill Lane has stood empty since 2019, according to council records kept at the town hall and published every year.";
    const text = `${paragraph}\n\n${paragraph}`;
    expect(reasons(text).map(([, reason]) => reason)).toEqual([null, "duplicate"]);
  });
});
