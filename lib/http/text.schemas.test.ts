import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isStorableDateText, isoDateInput } from "@/lib/http/date.schemas";
import { findUnsafeCharacter, findUnsafeText, IdSchema, nameText, text } from "@/lib/http/text.schemas";

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

describe("nameText()", () => {
  it("keeps names in any script, right-to-left ones included, and refuses line breaks, control characters and directional overrides", () => {
    const name = nameText().trim();
    for (const ok of ["Ada Lovelace", "محمد الأمين", "דנה כהן", "Zoë 😀 Desk", "  Padded  "]) expect(name.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["a\r\nX-Injected: 1", "tab\there", "bell\u0007", "gpj\u202Eexe", "a\u2066b\u2069"]) {
      const result = name.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/one line of plain text/);
    }
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

describe("every schema of every feature", () => {
  // Walks each exported zod schema of lib/**/*.schemas.ts (and pagination) down to its strings, so
  // a string field written with plain z.string() anywhere fails here, whether or not a route test sends it.
  const files = [...readdirSync(path.join(import.meta.dirname, ".."), { recursive: true, encoding: "utf8" })]
    .filter((file) => file.endsWith(".schemas.ts") || file === path.join("http", "pagination.ts"))
    .map((file) => path.join(import.meta.dirname, "..", file));

  function stringsOf(schema: z.ZodType, at: string, seen = new Set<unknown>()): [string, z.ZodType][] {
    if (seen.has(schema)) return [];
    seen.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    const inner = (value: unknown, name: string) => (value instanceof z.ZodType ? stringsOf(value, `${at}${name}`, seen) : []);
    switch (def.type) {
      case "string":
        return [[at, schema]];
      case "object":
        return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) => inner(value, `.${key}`));
      case "array":
        return inner(def.element, "[]");
      case "union":
        return (def.options as z.ZodType[]).flatMap((option, index) => inner(option, `|${index}`));
      case "record":
        return [...inner(def.keyType, "{key}"), ...inner(def.valueType, "{}")];
      case "pipe":
        return [...inner(def.in, ""), ...inner(def.out, ">")];
      case "intersection":
        return [...inner(def.left, "&"), ...inner(def.right, "&")];
      case "tuple":
        return (def.items as z.ZodType[]).flatMap((item, index) => inner(item, `[${index}]`));
      case "lazy":
        return inner((def.getter as () => z.ZodType)(), "");
      default:
        return inner(def.innerType, "");
    }
  }

  it("lists the schema files", () => expect(files.length).toBeGreaterThan(10));

  it("uses the shared string type for every string, input and output alike", async () => {
    const plain: string[] = [];
    for (const file of files) {
      const exported = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (!(value instanceof z.ZodType)) continue;
        for (const [at, schema] of stringsOf(value, `${path.basename(file)} ${name}`)) {
          if (schema.safeParse("a\u0000").success || schema.safeParse("a\ud800").success) plain.push(at);
        }
      }
    }
    expect(plain, "strings that accept NUL or an unpaired surrogate: build them with text() from lib/http/text.schemas.ts").toEqual([]);
  });
});
