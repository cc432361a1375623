import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isStorableDateText, isoDateInput } from "@/lib/http/date.schemas";
import { findUnsafeCharacter, findUnsafeText, IdSchema, text } from "@/lib/http/text.schemas";

// Any UTF-16 code unit sequence, so lone surrogates and NUL turn up; and the same with both removed.
const anyText = fc.string({ unit: "binary" });
const isWellFormed = (value: string) => !/[\u0000\p{Cs}]/u.test(value);
const safeText = fc.string({ unit: "binary" }).map((value) => value.replace(/[\u0000\p{Cs}]/gu, ""));
const badCharacter = fc.oneof(fc.constant("\u0000"), fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)));

describe("text()", () => {
  it("accepts every string without NUL or an unpaired surrogate, astral characters included", () => {
    fc.assert(fc.property(safeText, (value) => {
      expect(text().safeParse(value).success).toBe(true);
    }));
    expect(text().safeParse("emoji 😀 and 𝄞").success).toBe(true);
  });

  it("refuses every string with a NUL or an unpaired surrogate, wherever it is, naming where", () => {
    fc.assert(
      fc.property(safeText, badCharacter, safeText, (before, bad, after) => {
        // A lone high surrogate before a low one (or the reverse) would pair up: keep the bad one alone.
        const value = `${before}${bad}${after}`;
        fc.pre(findUnsafeCharacter(value) !== null);
        const parsed = text().safeParse(value);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.message).toMatch(/NUL|unpaired/);
      }),
    );
  });

  it("agrees with a plain well-formedness check on any string", () => {
    fc.assert(fc.property(anyText, (value) => {
      expect(text().safeParse(value).success).toBe(isWellFormed(value));
    }));
  });

  it("reports the field's path inside objects and unions, and keeps min, max and trim", () => {
    const schema = z.union([z.object({ start: z.int() }).strict(), z.object({ exact: text().trim().min(1).max(5) }).strict()]);
    expect(schema.safeParse({ exact: "a\u0000" }).error?.issues).toEqual([expect.objectContaining({ path: ["exact"], message: expect.stringContaining("NUL") })]);
    expect(text().trim().min(1).safeParse("  ").success).toBe(false);
    expect(text().trim().max(3).parse(" abc ")).toBe("abc");
    expect(IdSchema.safeParse("c\ud800").success).toBe(false);
    expect(IdSchema.safeParse("").success).toBe(false);
  });
});

describe("findUnsafeText", () => {
  it("finds the first unsafe string, or key, in any JSON value, with its path", () => {
    expect(findUnsafeText({ a: ["ok", { b: "x\u0000" }] })).toEqual({ path: ["a", 1, "b"], message: expect.stringContaining("NUL") });
    expect(findUnsafeText({ "k\ud800": 1 })?.path).toEqual(["k\ud800"]);
    expect(findUnsafeText({ a: [1, true, null, "fine 😀"] })).toBeNull();
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(findUnsafeText(value) === null).toBe(isWellFormed(JSON.stringify(value)));
    }));
  });
});

describe("dates", () => {
  it("accepts years 1 to 9999 and refuses year 0 and JavaScript's extremes", () => {
    const date = isoDateInput("Give a date");
    expect(date.safeParse("0001-01-01").success).toBe(true);
    expect(date.safeParse("9999-12-31T23:59:59Z").success).toBe(true);
    expect(date.safeParse("0000-01-01").success).toBe(false);
    expect(date.safeParse("9999-12-31T23:59:59-14:00").success).toBe(false);
    expect(isStorableDateText("-271821-04-20")).toBe(false);
    expect(isStorableDateText("+275760-09-13")).toBe(false);
    expect(isStorableDateText("last Tuesday")).toBe(true);
  });
});
