import { diffWordsWithSpace } from "diff";

/** A claim drawn on one side of a diff: its span in that side's text. */
export type DrawnClaim = { id: string; start: number; end: number };
type DiffChange = "same" | "removed" | "added";
/** A run of one side's text with one change kind and the same claims over all of it. */
export type DiffSegment = { text: string; change: DiffChange; claimIds: string[] };
type RevisionDiff = { old: DiffSegment[]; new: DiffSegment[]; removed: number; added: number };

/**
 * A word-level diff of two revisions (jsdiff's diffWordsWithSpace, so spacing and line breaks
 * count), split per side into runs that also break where a drawn claim starts or ends. The old side
 * holds the common and removed words, the new side the common and added ones; each side's runs
 * concatenate to exactly its text.
 */
export function revisionDiff(oldText: string, newText: string, claims: { old: DrawnClaim[]; new: DrawnClaim[] }): RevisionDiff {
  const oldRuns: { text: string; change: DiffChange }[] = [];
  const newRuns: { text: string; change: DiffChange }[] = [];
  let removed = 0;
  let added = 0;
  for (const part of diffWordsWithSpace(oldText, newText)) {
    if (part.added) {
      newRuns.push({ text: part.value, change: "added" });
      added++;
    } else if (part.removed) {
      oldRuns.push({ text: part.value, change: "removed" });
      removed++;
    } else {
      oldRuns.push({ text: part.value, change: "same" });
      newRuns.push({ text: part.value, change: "same" });
    }
  }
  return { old: splitAtClaims(oldRuns, claims.old), new: splitAtClaims(newRuns, claims.new), removed, added };
}

function splitAtClaims(runs: { text: string; change: DiffChange }[], claims: DrawnClaim[]): DiffSegment[] {
  const textLength = runs.reduce((sum, run) => sum + run.text.length, 0);
  const drawn = claims.filter((claim) => claim.start >= 0 && claim.end <= textLength && claim.start < claim.end);
  const cuts = new Set<number>();
  for (const claim of drawn) cuts.add(claim.start).add(claim.end);
  const segments: DiffSegment[] = [];
  let offset = 0;
  for (const run of runs) {
    const runEnd = offset + run.text.length;
    const points = [offset, ...[...cuts].filter((cut) => cut > offset && cut < runEnd).sort((a, b) => a - b), runEnd];
    for (let index = 0; index < points.length - 1; index++) {
      const start = points[index] as number;
      const end = points[index + 1] as number;
      if (start === end) continue;
      const claimIds = drawn.filter((claim) => claim.start <= start && claim.end >= end).map((claim) => claim.id);
      segments.push({ text: run.text.slice(start - offset, end - offset), change: run.change, claimIds });
    }
    offset = runEnd;
  }
  return segments;
}

/**
 * Where a quote stands in a text: after its prefix when that tells repeats apart, else its first
 * occurrence; null when the words are not there.
 */
export function locateQuote(text: string, exact: string, prefix = ""): { start: number; end: number } | null {
  if (exact === "") return null;
  if (prefix !== "") {
    const withPrefix = text.indexOf(prefix + exact);
    if (withPrefix >= 0) return { start: withPrefix + prefix.length, end: withPrefix + prefix.length + exact.length };
  }
  const start = text.indexOf(exact);
  return start >= 0 ? { start, end: start + exact.length } : null;
}
