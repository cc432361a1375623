import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, scriptSafeJson } from "@/lib/publishing/json-ld";

describe("scriptSafeJson", () => {
  it("never lets text close the script element, and reads back as the same value", () => {
    const hostile = { claimReviewed: "</script><script>alert(1)</script><!-- & \u2028" };
    const json = scriptSafeJson(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  it("round-trips any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        const json = scriptSafeJson({ value });
        expect(json.toLowerCase()).not.toContain("</script");
        expect(JSON.parse(json)).toEqual({ value });
      }),
    );
  });
});

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe("&#60;b a=&#34;1&#34;&#62;&#39;&#38;&#39;&#60;/b&#62;");
  });
});
