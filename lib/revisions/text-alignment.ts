import DiffMatchPatch from "diff-match-patch";

// How two revisions of a text correspond, from a character diff (diff-match-patch, cleaned up
// semantically so edits read as whole words). Offsets count UTF-16 code units, as claims do.

/** A run of the diff: text kept (equal), removed from the old text (delete) or added (insert). */
export type Chunk = { kind: "equal" | "delete" | "insert"; oldStart: number; oldEnd: number; newStart: number; newEnd: number; index: number };

export type Alignment = {
  chunks: Chunk[];
  /** The equal and delete chunks, in old-text order (every old offset lies in one of them). */
  oldSide: Chunk[];
  /** The equal and insert chunks, in new-text order. */
  newSide: Chunk[];
};

// A bound on the diff, so a pathological pair of texts degrades to a coarser (still correct) diff.
const DIFF_TIMEOUT_SECONDS = 2;

export function alignTexts(oldText: string, newText: string): Alignment {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
  const diffs = dmp.diff_main(oldText, newText);
  dmp.diff_cleanupSemantic(diffs);
  const chunks: Chunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [op, piece] of diffs) {
    if (piece.length === 0) continue;
    if (op === 0) {
      chunks.push({ kind: "equal", oldStart: oldAt, oldEnd: oldAt + piece.length, newStart: newAt, newEnd: newAt + piece.length, index: chunks.length });
      oldAt += piece.length;
      newAt += piece.length;
    } else if (op === -1) {
      chunks.push({ kind: "delete", oldStart: oldAt, oldEnd: oldAt + piece.length, newStart: newAt, newEnd: newAt, index: chunks.length });
      oldAt += piece.length;
    } else {
      chunks.push({ kind: "insert", oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt + piece.length, index: chunks.length });
      newAt += piece.length;
    }
  }
  return { chunks, oldSide: chunks.filter((chunk) => chunk.kind !== "insert"), newSide: chunks.filter((chunk) => chunk.kind !== "delete") };
}

/** The chunk of `side` holding offset `at` (by its `key` start and end), by binary search. */
function chunkAt(side: Chunk[], at: number, key: "old" | "new"): Chunk | undefined {
  const index = chunkIndexAt(side, at, key);
  return index === -1 ? undefined : side[index];
}

function chunkIndexAt(side: Chunk[], at: number, key: "old" | "new"): number {
  let low = 0;
  let high = side.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const chunk = side[middle]!;
    const [start, end] = key === "old" ? [chunk.oldStart, chunk.oldEnd] : [chunk.newStart, chunk.newEnd];
    if (at < start) high = middle - 1;
    else if (at >= end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The equal chunk holding all of the old span [start, end), when no edit touches it. */
export function unchangedChunk(alignment: Alignment, start: number, end: number): Chunk | undefined {
  const chunk = chunkAt(alignment.oldSide, start, "old");
  return chunk?.kind === "equal" && end <= chunk.oldEnd ? chunk : undefined;
}

/**
 * Where an old span's first character went: its new offset if kept, else the place its deletion
 * was made, so a replacement's inserted words are included.
 */
export function mapStart(alignment: Alignment, start: number): number {
  const chunk = chunkAt(alignment.oldSide, start, "old");
  if (!chunk) return alignment.chunks.at(-1)?.newEnd ?? 0;
  return chunk.kind === "equal" ? chunk.newStart + (start - chunk.oldStart) : chunk.newStart;
}

/** Where an old span's end went: after its last kept character, or after the words that replaced it. */
export function mapEnd(alignment: Alignment, end: number): number {
  if (end <= 0) return 0;
  const chunk = chunkAt(alignment.oldSide, end - 1, "old");
  if (!chunk) return alignment.chunks.at(-1)?.newEnd ?? 0;
  if (chunk.kind === "equal") return chunk.newStart + (end - chunk.oldStart);
  const next = alignment.chunks[chunk.index + 1];
  return next?.kind === "insert" ? next.newEnd : chunk.newStart;
}

/** How many characters of the old span [start, end) the edit removed. */
export function deletedLength(alignment: Alignment, start: number, end: number): number {
  return overlapLength(alignment.oldSide, start, end, "old", "delete");
}

/** How many characters of the new span [start, end) the edit added. */
export function insertedLength(alignment: Alignment, start: number, end: number): number {
  return overlapLength(alignment.newSide, start, end, "new", "insert");
}

/**
 * How many characters of the new span [start, end) the diff kept from old text outside [ownStart,
 * ownEnd): words that belonged to someone else before the revision.
 */
export function keptFromElsewhere(alignment: Alignment, start: number, end: number, ownStart: number, ownEnd: number): number {
  let total = 0;
  const first = chunkIndexAt(alignment.newSide, start, "new");
  for (let index = first === -1 ? alignment.newSide.length : first; index < alignment.newSide.length; index++) {
    const chunk = alignment.newSide[index]!;
    if (chunk.newStart >= end) break;
    if (chunk.kind !== "equal") continue;
    const from = Math.max(start, chunk.newStart);
    const to = Math.min(end, chunk.newEnd);
    const oldFrom = chunk.oldStart + (from - chunk.newStart);
    const oldTo = chunk.oldStart + (to - chunk.newStart);
    total += to - from - Math.max(0, Math.min(oldTo, ownEnd) - Math.max(oldFrom, ownStart));
  }
  return total;
}

function overlapLength(side: Chunk[], start: number, end: number, key: "old" | "new", kind: Chunk["kind"]): number {
  let total = 0;
  const first = chunkIndexAt(side, start, key);
  for (let index = first === -1 ? side.length : first; index < side.length; index++) {
    const chunk = side[index]!;
    const [chunkStart, chunkEnd] = key === "old" ? [chunk.oldStart, chunk.oldEnd] : [chunk.newStart, chunk.newEnd];
    if (chunkStart >= end) break;
    if (chunk.kind === kind) total += Math.min(end, chunkEnd) - Math.max(start, chunkStart);
  }
  return total;
}

/** Similarity of two strings from their edit distance: 1 the same, 0 nothing in common (below 0.5, an upper bound). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // The length difference alone costs that many edits: past half, the answer is below every threshold
  // we use, and a sentence against a 100 KB insertion is not worth diffing.
  const bound = Math.min(a.length, b.length) / longest;
  if (bound < 0.5) return bound;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
  return 1 - dmp.diff_levenshtein(dmp.diff_main(a, b)) / longest;
}
