import { describe, expect, it } from "vitest";
import { TrigramIndex, type TrigramMatch } from "@/lib/matching/trigram-index";

/** The similarity pg_trgm defines: shared trigrams over all distinct trigrams of both, in single precision. */
function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  const shared = [...left].filter((trigram) => right.has(trigram)).length;
  return Math.fround(shared / (left.size + right.size - shared));
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTrigrams(random: () => number, vocabulary: number): string[] {
  const count = 1 + Math.floor(random() * 30);
  return Array.from({ length: count }, () => `t${Math.floor(random() ** 2 * vocabulary)}`);
}

/** Every claim compared with the query, the slow way: what `nearest` must return. */
function bruteForce(claims: Map<string, string[]>, query: string[], limit: number, excludeId?: string): TrigramMatch[] {
  return [...claims]
    .filter(([id]) => id !== excludeId)
    .map(([id, trigrams]) => ({ id, similarity: jaccard(query, trigrams) }))
    .filter((match) => match.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

describe("TrigramIndex", () => {
  it("scores shared trigrams over all distinct trigrams of both statements, as pg_trgm's similarity does", () => {
    const index = new TrigramIndex();
    index.put("half", ["  u", " un", "une", "nem"]);
    index.put("same", ["  u", " un", "une"]);
    index.put("none", ["  h", " ha", "har"]);
    expect(index.nearest(["  u", " un", "une", "une"], { limit: 10 })).toEqual([
      { id: "same", similarity: 1 },
      { id: "half", similarity: 0.75 },
    ]);
  });

  it("returns the most similar first, ties by id, up to the limit, without the excluded claim", () => {
    const index = new TrigramIndex();
    index.put("b", ["x", "y"]);
    index.put("a", ["x", "y"]);
    index.put("self", ["x", "y", "z"]);
    index.put("c", ["x", "q", "r"]);
    expect(index.nearest(["x", "y", "z"], { limit: 2, excludeId: "self" })).toEqual([
      { id: "a", similarity: Math.fround(2 / 3) },
      { id: "b", similarity: Math.fround(2 / 3) },
    ]);
    expect(index.nearest([], { limit: 5 })).toEqual([]);
  });

  it("forgets a claim's old trigrams when its statement is replaced", () => {
    const index = new TrigramIndex();
    index.put("claim", ["old", "ol", "o"]);
    index.put("claim", ["new", "ne", "n"]);
    expect(index.size).toBe(1);
    expect(index.nearest(["old", "ol", "o"], { limit: 5 })).toEqual([]);
    expect(index.nearest(["new", "ne", "n"], { limit: 5 })).toEqual([{ id: "claim", similarity: 1 }]);
  });

  it("agrees with comparing every claim, across many random corpora and queries", () => {
    const random = randomSource(20261201);
    for (let corpus = 0; corpus < 20; corpus++) {
      const index = new TrigramIndex();
      const claims = new Map<string, string[]>();
      const vocabulary = 20 + Math.floor(random() * 200);
      for (let n = 0; n < 400; n++) {
        const trigrams = randomTrigrams(random, vocabulary);
        claims.set(`c${n}`, trigrams);
        index.put(`c${n}`, trigrams);
      }
      for (let query = 0; query < 10; query++) {
        const trigrams = randomTrigrams(random, vocabulary);
        const limit = 1 + Math.floor(random() * 60);
        const excludeId = `c${Math.floor(random() * 400)}`;
        expect(index.nearest(trigrams, { limit, excludeId })).toEqual(bruteForce(claims, trigrams, limit, excludeId));
      }
    }
  });

  it("stays exact after thousands of statement edits make it drop the replaced entries", () => {
    const random = randomSource(7);
    const index = new TrigramIndex();
    const claims = new Map<string, string[]>();
    for (let edit = 0; edit < 6000; edit++) {
      const id = `c${Math.floor(random() * 1500)}`;
      const trigrams = randomTrigrams(random, 100);
      claims.set(id, trigrams);
      index.put(id, trigrams);
      if (edit === 3000) index.trim(); // as after loading: later edits grow the trimmed lists again
    }
    expect(index.size).toBe(claims.size);
    // Compaction kept the posting lists to the live claims' trigrams, give or take the last quarter's edits.
    const live = [...claims.values()].reduce((sum, trigrams) => sum + new Set(trigrams).size, 0);
    expect(index.postingCount).toBeLessThan(live * 1.5);
    for (let query = 0; query < 20; query++) {
      const trigrams = randomTrigrams(random, 100);
      expect(index.nearest(trigrams, { limit: 50 })).toEqual(bruteForce(claims, trigrams, 50));
    }
  });
});
