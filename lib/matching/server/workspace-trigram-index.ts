import "server-only";
import { db } from "@/lib/db";
import { TrigramIndex } from "@/lib/matching/trigram-index";

// Each app instance keeps one trigram index per workspace it has matched claims in, and before every
// use reads the claims whose statement changed since it last looked (the "statementXact" column a
// trigger keeps, see its migration). So an index is never older than the request that reads it,
// whichever instance wrote the claim, and no notification has to reach it.

/** A workspace of at most this many claims is loaded within the request that first needs it (well under a second). */
export const LOAD_WITHIN_REQUEST = 5_000;
/** Claims read per query while loading: small enough that building from one batch blocks the event loop only briefly. */
const LOAD_BATCH_SIZE = 5_000;
/** Posting entries (4 bytes each) kept across all workspaces, about 256 MB; least recently used go first. */
const POSTING_BUDGET = 64_000_000;

type LoadedIndex = {
  index: TrigramIndex;
  /** The transaction id (xid8, as text) below which every change has been read. */
  frontier: string;
  /** The "statementXact" each claim was read at, so rows that a long transaction keeps in view are not read again. */
  readAt: Map<string, string | null>;
  /** Syncs run one after another, so each request sees everything that committed before it began. */
  queue: Promise<void>;
};

type IndexEntry = {
  loaded: Promise<LoadedIndex>;
  ready: LoadedIndex | null;
  /** Whether the request that started the load waits for it: the workspace has at most LOAD_WITHIN_REQUEST claims. */
  worthWaiting: Promise<boolean>;
};

const globalForIndexes = globalThis as unknown as { claimdeskTrigramIndexes?: Map<string, IndexEntry> };

/** Loaded and loading indexes by workspace, least recently used first (kept across hot reloads). */
function cachedIndexes(): Map<string, IndexEntry> {
  globalForIndexes.claimdeskTrigramIndexes ??= new Map();
  return globalForIndexes.claimdeskTrigramIndexes;
}

/**
 * The workspace's trigram index, holding every claim whose statement committed before this call.
 * Null while a workspace too large to load within one request loads in the background; the caller
 * asks PostgreSQL directly meanwhile.
 */
export async function freshTrigramIndex(workspaceId: string): Promise<TrigramIndex | null> {
  const entry = usedEntry(workspaceId);
  const loaded = entry.ready ?? ((await entry.worthWaiting) ? await entry.loaded : null);
  if (!loaded) return null;
  const turn = loaded.queue.then(() => readChanges(workspaceId, loaded));
  loaded.queue = turn.catch(() => undefined);
  await turn;
  return loaded.index;
}

/** Where similarities came from: this instance's in-memory index, or PostgreSQL's GiST index while that loads. */
export type MatchSource = "memory" | "gist";

/** A Server-Timing value saying how long matching took and where it looked, for operators and the benchmark. */
export function matchServerTiming(source: MatchSource, milliseconds: number): string {
  const description = source === "memory" ? "in-memory trigram index" : "PostgreSQL GiST index, while this instance loads the workspace";
  return `match;dur=${milliseconds.toFixed(1)};desc="${description}"`;
}

/** Settles when the workspace's index has loaded (starting the load if none is under way), to warm it up ahead of requests. */
export async function trigramIndexLoaded(workspaceId: string): Promise<void> {
  await usedEntry(workspaceId).loaded;
}

/** The workspace's entry, loading it if it has none, moved to the most recently used end. */
function usedEntry(workspaceId: string): IndexEntry {
  const cache = cachedIndexes();
  const entry = cache.get(workspaceId) ?? startLoading(workspaceId);
  cache.delete(workspaceId);
  cache.set(workspaceId, entry);
  return entry;
}

function startLoading(workspaceId: string): IndexEntry {
  const worthWaiting = db.$queryRaw<{ small: boolean }[]>`
    SELECT count(*) <= ${LOAD_WITHIN_REQUEST} AS small FROM (SELECT 1 FROM "Claim" WHERE "workspaceId" = ${workspaceId} LIMIT ${LOAD_WITHIN_REQUEST + 1}) sized`.then(
    ([row]) => row?.small ?? true,
  );
  const entry: IndexEntry = { ready: null, worthWaiting, loaded: Promise.resolve(null as never) };
  entry.loaded = worthWaiting
    .then(() => loadIndex(workspaceId))
    .then(
      (loaded) => {
        entry.ready = loaded;
        evictBeyondBudget();
        return loaded;
      },
      (error: unknown) => {
        if (cachedIndexes().get(workspaceId) === entry) cachedIndexes().delete(workspaceId);
        throw error;
      },
    );
  // A failed load is retried by the next request; logged here, since a load in the background has no request to fail.
  entry.loaded.catch((error: unknown) => console.error(`Loading the trigram index of workspace ${workspaceId} failed`, error));
  return entry;
}

type ClaimTrigrams = { id: string; xact: string | null; trigrams: string[] };

async function loadIndex(workspaceId: string): Promise<LoadedIndex> {
  // Taken before the first batch: every change below it committed before any batch was read.
  const [snapshot] = await db.$queryRaw<{ frontier: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS frontier`;
  const loaded: LoadedIndex = { index: new TrigramIndex(), frontier: snapshot?.frontier ?? "0", readAt: new Map(), queue: Promise.resolve() };
  for (let after = ""; ; ) {
    const batch = await db.$queryRaw<ClaimTrigrams[]>`
      SELECT id, "statementXact"::text AS xact, show_trgm("statementNormalized") AS trigrams
      FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND id > ${after}
      ORDER BY id LIMIT ${LOAD_BATCH_SIZE}`;
    for (const claim of batch) put(loaded, claim);
    const last = batch.at(-1);
    if (!last || batch.length < LOAD_BATCH_SIZE) {
      loaded.index.trim();
      return loaded;
    }
    after = last.id;
  }
}

/** Reads the claims whose statement was written by a transaction at or above the frontier, and moves it up. */
async function readChanges(workspaceId: string, loaded: LoadedIndex): Promise<void> {
  // One statement, one snapshot: the new frontier is that snapshot's xmin, so nothing between is skipped.
  const [changes] = await db.$queryRaw<{ frontier: string; changed: { id: string; xact: string }[] }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS frontier,
      coalesce((SELECT json_agg(json_build_object('id', id, 'xact', "statementXact"::text)) FROM "Claim"
        WHERE "workspaceId" = ${workspaceId} AND "statementXact" >= ${loaded.frontier}::xid8), '[]'::json) AS changed`;
  if (!changes) return;
  const unread = changes.changed.filter((claim) => loaded.readAt.get(claim.id) !== claim.xact).map((claim) => claim.id);
  if (unread.length > 0) {
    const claims = await db.$queryRaw<ClaimTrigrams[]>`
      SELECT id, "statementXact"::text AS xact, show_trgm("statementNormalized") AS trigrams
      FROM "Claim" WHERE id = ANY(${unread}::text[]) AND "workspaceId" = ${workspaceId}`;
    for (const claim of claims) put(loaded, claim);
  }
  loaded.frontier = changes.frontier;
}

function put(loaded: LoadedIndex, claim: ClaimTrigrams): void {
  loaded.index.put(claim.id, claim.trigrams);
  loaded.readAt.set(claim.id, claim.xact);
}

function evictBeyondBudget(): void {
  const cache = cachedIndexes();
  let total = [...cache.values()].reduce((sum, entry) => sum + (entry.ready?.index.postingCount ?? 0), 0);
  for (const [workspaceId, entry] of cache) {
    if (total <= POSTING_BUDGET || cache.size <= 1) return;
    if (!entry.ready) continue;
    total -= entry.ready.index.postingCount;
    cache.delete(workspaceId);
  }
}
