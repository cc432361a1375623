import { describe, expect, it } from "vitest";
import { isCorrectable, queryWordsOf, urlHighlights, urlTargetOf } from "@/lib/search/search-terms";

describe("urlTargetOf", () => {
  it("reads a domain, with or without scheme and www., and the path typed after it", () => {
    expect(urlTargetOf("un.org")).toEqual({ host: "un.org", path: "" });
    expect(urlTargetOf(" WWW.UN.org ")).toEqual({ host: "un.org", path: "" });
    expect(urlTargetOf("https://www.un.org/en/About")).toEqual({ host: "un.org", path: "/en/About" });
    expect(urlTargetOf("news.bbc.co.uk?x=1")).toEqual({ host: "news.bbc.co.uk", path: "?x=1" });
  });

  it("leaves words, phrases, numbers and abbreviations to full text", () => {
    for (const q of ["Musharraf", "un org", '"un.org"', "3.5", "e.g.", "un.org -wto", "-un.org"]) expect(urlTargetOf(q)).toBeNull();
  });
});

describe("urlHighlights", () => {
  it("marks the host, and the typed path when the URL continues with it", () => {
    const url = "https://news.un.org/en/story/1";
    expect(urlHighlights(url, { host: "un.org", path: "" })).toEqual([[13, 19]]);
    expect(urlHighlights(url, { host: "un.org", path: "/EN" })).toEqual([[13, 22]]);
    expect(urlHighlights("https://fun.org/", { host: "un.org", path: "" })).toEqual([[9, 15]]);
    expect(urlHighlights("https://example.com/", { host: "un.org", path: "" })).toEqual([]);
  });
});

describe("queryWordsOf", () => {
  it("splits web-search syntax into wanted and excluded words, lowercase, once each", () => {
    expect(queryWordsOf('"Pervez Musharaf" OR musharaf -army -"Coup d\'état" 2008')).toEqual({
      wanted: ["pervez", "musharaf", "2008"],
      excluded: ["army", "coup", "d", "état"],
    });
  });
});

describe("isCorrectable", () => {
  it("takes words of four letters or more, letters only, as the words table keeps them", () => {
    expect(["musharaf", "état", "helth"].every(isCorrectable)).toBe(true);
    expect(["the", "2008", "covid19", "un"].some(isCorrectable)).toBe(false);
  });
});
