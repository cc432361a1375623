import { describe, expect, it } from "vitest";
import { passageIdOfReportSlug, passageReportSlug, SLUG_MAX_LENGTH, slugCandidate, slugify } from "@/lib/publishing/slug";

describe("slugify", () => {
  it("keeps the statement's words, lower-cased, without accents or punctuation", () => {
    expect(slugify("Unemployment fell to 3.4% — in Zürich!")).toBe("unemployment-fell-to-3-4-in-zurich");
  });

  it("cuts long statements at a word, within the limit", () => {
    const slug = slugify("word ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((part) => part === "word")).toBe(true);
  });

  it("gives statements without Latin letters an address", () => {
    expect(slugify("失業率は下がった")).toBe("fact-check");
    expect(slugify("<script>alert(1)</script>")).toBe("script-alert-1-script");
  });

  it("numbers later candidates", () => {
    expect([1, 2, 3].map((attempt) => slugCandidate("a-b", attempt))).toEqual(["a-b", "a-b-2", "a-b-3"]);
  });
});

describe("passage report slugs", () => {
  it("round-trip the passage id, whatever the title", () => {
    const slug = passageReportSlug({ id: "cm1abcdefgh123", title: "Budget -- speech, 2026" });
    expect(slug).toBe("budget-speech-2026--cm1abcdefgh123");
    expect(passageIdOfReportSlug(slug)).toBe("cm1abcdefgh123");
    expect(passageIdOfReportSlug("no-id-here")).toBeNull();
  });
});
