import { describe, expect, it } from "vitest";
import { canonicalJson, changedFields, claimLinesOf, diffClaimSets } from "@/lib/releases/release-diff";

const line = (claim: Record<string, unknown>) => JSON.stringify({ type: "claim", url: "http://x/c", updatedAt: "2026-01-01T00:00:00.000Z", ...claim });

describe("release diff", () => {
  it("compares values whatever order their keys were written in", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
  });

  it("names changed fields, nested ones dotted, and ignores the link and updatedAt", () => {
    const before = { id: "c1", statement: "S", label: "factual", passage: { id: "p", title: "Old" }, target: { selector: [1] }, evidence: [], url: "a", updatedAt: "1" };
    const after = { id: "c1", statement: "S", label: "opinion", passage: { id: "p", title: "New" }, target: { selector: [2] }, evidence: [{ stance: "supports" }], url: "b", updatedAt: "2" };
    expect(changedFields(before, after)).toEqual(["evidence", "label", "passage.title", "target"]);
    expect(changedFields(before, { ...before, url: "z", updatedAt: "9" })).toEqual([]);
    expect(changedFields({ verdict: null }, { verdict: "false" })).toEqual(["verdict"]);
  });

  it("reads only claim lines of a JSONL file and sorts claims into added, removed, changed and unchanged", () => {
    const older = claimLinesOf(
      [
        JSON.stringify({ type: "export", format: "claimdesk.claims" }),
        JSON.stringify({ type: "passage", id: "p", text: "Long text" }),
        line({ id: "a", statement: "A", label: "factual" }),
        line({ id: "b", statement: "B", label: "factual" }),
        line({ id: "c", statement: "C", label: "factual" }),
      ].join("\n") + "\n",
    );
    const newer = claimLinesOf([line({ id: "a", statement: "A", label: "factual", updatedAt: "later" }), line({ id: "c", statement: "C2", label: "factual" }), line({ id: "d", statement: "D" })].join("\n"));
    expect([...older.keys()]).toEqual(["a", "b", "c"]);
    expect(diffClaimSets(newer, older)).toEqual({
      added: [{ id: "d", statement: "D" }],
      removed: [{ id: "b", statement: "B" }],
      changed: [{ id: "c", statement: "C2", fields: ["statement"] }],
      unchangedCount: 1,
    });
  });
});
