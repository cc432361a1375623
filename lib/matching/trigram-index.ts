/**
 * pg_trgm's `similarity()` over a whole workspace, answered from memory. PostgreSQL's trigram
 * indexes must visit every statement that shares a common trigram with the query, and on a dense
 * corpus that is nearly all of them (see docs/decisions/003); here that visit is a pass over
 * posting lists of small integers, which takes a few milliseconds for 100,000 claims.
 *
 * The trigrams come from PostgreSQL (`show_trgm`), so the sets, and therefore the similarities,
 * are exactly pg_trgm's: |A ∩ B| / |A ∪ B|, computed in single precision as pg_trgm does.
 */
export type TrigramMatch = { id: string; similarity: number };

const INITIAL_CAPACITY = 8;
/** Similarities are bucketed in thousandths to find the cut-off of the top `limit` in one pass. */
const BUCKETS = 1000;

/** A growable list of claim ordinals. */
class PostingList {
  ordinals = new Int32Array(INITIAL_CAPACITY);
  length = 0;

  /** Gives back the room kept for growth, once no more claims are expected for a while. */
  trim(): void {
    if (this.ordinals.length > this.length) this.ordinals = this.ordinals.slice(0, Math.max(this.length, INITIAL_CAPACITY));
  }

  push(ordinal: number): void {
    if (this.length === this.ordinals.length) this.ordinals = grow(this.ordinals);
    this.ordinals[this.length++] = ordinal;
  }
}

export class TrigramIndex {
  private readonly trigramNumbers = new Map<string, number>();
  private readonly postings: PostingList[] = [];
  /** By ordinal: the claim id, or null once the claim was replaced. */
  private ids: (string | null)[] = [];
  /** By ordinal: how many distinct trigrams the statement has; 0 for a replaced claim. */
  private sizes = new Int32Array(INITIAL_CAPACITY);
  private readonly ordinalOf = new Map<string, number>();
  private replacedCount = 0;
  // Per-claim counters for `nearest`, reused between calls and zeroed as each call reads them.
  private counts = new Int32Array(0);
  private touched = new Int32Array(0);

  /** Claims in the index. */
  get size(): number {
    return this.ordinalOf.size;
  }

  /** Entries across all posting lists, the index's memory in 4-byte units. */
  get postingCount(): number {
    return this.postings.reduce((sum, list) => sum + list.length, 0);
  }

  /** Adds a claim, or replaces the trigrams of one already in the index. */
  put(id: string, trigrams: readonly string[]): void {
    const previous = this.ordinalOf.get(id);
    if (previous !== undefined) {
      this.ids[previous] = null;
      this.sizes[previous] = 0;
      this.replacedCount++;
    }
    const ordinal = this.ids.length;
    this.ids.push(id);
    if (ordinal === this.sizes.length) this.sizes = grow(this.sizes);
    const distinct = new Set(trigrams);
    this.sizes[ordinal] = distinct.size;
    for (const trigram of distinct) {
      let number = this.trigramNumbers.get(trigram);
      if (number === undefined) {
        number = this.postings.length;
        this.trigramNumbers.set(trigram, number);
        this.postings.push(new PostingList());
      }
      this.postings[number]?.push(ordinal);
    }
    this.ordinalOf.set(id, ordinal);
    // Replaced entries still cost a visit on every query; drop them once they are a quarter of the index.
    if (this.replacedCount > 1000 && this.replacedCount * 4 > this.ids.length) this.compact();
  }

  /** Frees the spare room of every posting list (up to half the index's memory right after loading). */
  trim(): void {
    for (const list of this.postings) list.trim();
  }

  has(id: string): boolean {
    return this.ordinalOf.has(id);
  }

  /**
   * The `limit` claims most similar to a statement with these trigrams, most similar first (ties by
   * id), leaving out `excludeId` and claims that share no trigram with it.
   */
  nearest(trigrams: readonly string[], { limit, excludeId }: { limit: number; excludeId?: string }): TrigramMatch[] {
    const query = [...new Set(trigrams)];
    if (query.length === 0 || limit <= 0) return [];
    if (this.counts.length < this.ids.length) {
      this.counts = new Int32Array(this.sizes.length);
      this.touched = new Int32Array(this.sizes.length);
    }
    const { counts, touched, sizes } = this;

    // ScanCount: one pass over the posting list of each query trigram counts the trigrams every claim shares with it.
    let touchedCount = 0;
    for (const trigram of query) {
      const number = this.trigramNumbers.get(trigram);
      if (number === undefined) continue;
      const list = this.postings[number];
      if (!list) continue;
      const { ordinals, length } = list;
      for (let i = 0; i < length; i++) {
        const ordinal = ordinals[i] as number;
        if ((counts[ordinal] = (counts[ordinal] as number) + 1) === 1) touched[touchedCount++] = ordinal;
      }
    }

    const excluded = excludeId === undefined ? -1 : (this.ordinalOf.get(excludeId) ?? -1);
    const similarities = new Float32Array(touchedCount);
    const histogram = new Int32Array(BUCKETS + 1);
    for (let i = 0; i < touchedCount; i++) {
      const ordinal = touched[i] as number;
      const shared = counts[ordinal] as number;
      counts[ordinal] = 0;
      const size = sizes[ordinal] as number;
      if (size === 0 || ordinal === excluded) continue;
      const similarity = Math.fround(shared / (query.length + size - shared));
      similarities[i] = similarity;
      const bucket = Math.floor(similarity * BUCKETS);
      histogram[bucket] = (histogram[bucket] as number) + 1;
    }

    // The lowest bucket that still holds part of the top `limit`; everything above it is in.
    let bucket = BUCKETS;
    for (let above = 0; bucket > 0 && above + (histogram[bucket] as number) < limit; bucket--) above += histogram[bucket] as number;
    const matches: TrigramMatch[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const similarity = similarities[i] as number;
      if (similarity > 0 && Math.floor(similarity * BUCKETS) >= bucket) {
        matches.push({ id: this.ids[touched[i] as number] as string, similarity });
      }
    }
    matches.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return matches.slice(0, limit);
  }

  /** Renumbers the live claims and rewrites every posting list without the replaced ones. */
  private compact(): void {
    const renumbered = new Int32Array(this.ids.length).fill(-1);
    const ids: (string | null)[] = [];
    const sizes = new Int32Array(Math.max(INITIAL_CAPACITY, this.ordinalOf.size * 2));
    this.ids.forEach((id, ordinal) => {
      if (id === null) return;
      renumbered[ordinal] = ids.length;
      sizes[ids.length] = this.sizes[ordinal] as number;
      this.ordinalOf.set(id, ids.length);
      ids.push(id);
    });
    for (const list of this.postings) {
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const ordinal = renumbered[list.ordinals[i] as number] as number;
        if (ordinal >= 0) list.ordinals[kept++] = ordinal;
      }
      list.length = kept;
    }
    this.ids = ids;
    this.sizes = sizes;
    this.replacedCount = 0;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
