import pg from "pg";
import { offsetConverterOf, type OffsetConverter } from "@/lib/claims/code-point-offsets";
import type { ExportQuery } from "@/lib/exports/export.schemas";
import type { ExportBatch, ExportClaim, ExportPassageWithText } from "@/lib/exports/export-record";
import { anchorNeedsReviewSql } from "@/lib/revisions/anchor-review";

// Runs inside the export worker thread (export-worker.ts) as well as in tests: plain `pg`, no
// Prisma, no `server-only` (that package refuses to load outside React's server bundle).

export const EXPORT_BATCH_SIZE = 500;
// Passage texts (up to 5 MB each) are loaded in groups of at most this many characters, so a
// batch's strings fit the export worker's heap (EXPORT_WORKER_LIMITS) several times over.
const PASSAGE_TEXT_BUDGET = 2 * 1024 * 1024;

/** The export query's filters; `q` (words in the statement or quote, as the claims list) is used by releases. */
export type ExportFilters = Omit<ExportQuery, "format"> & { q?: string | undefined };

/** The database an export reads, and the limits its connection runs under (settings, lib/env.ts). */
export type ExportConnection = { connectionString: string; statementTimeoutMs: number; idleInTransactionTimeoutMs: number };

/**
 * An export's connection: a statement that runs too long is cancelled, and a snapshot left idle
 * (a download that stopped reading) is ended by PostgreSQL, so a stalled export cannot hold its
 * connection and snapshot for ever.
 */
export function exportConnectionConfig(connection: ExportConnection): pg.ClientConfig {
  return {
    connectionString: connection.connectionString,
    statement_timeout: connection.statementTimeoutMs,
    idle_in_transaction_session_timeout: connection.idleInTransactionTimeoutMs,
    application_name: "claimdesk-export",
  };
}

// Timestamps leave PostgreSQL as the same ISO 8601 text Prisma's Date.toISOString() gives, so the
// driver never reads them in the machine's local time zone.
const isoText = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The claims an export covers, as SQL: live claims of live passages, with the allowlisted filters. */
export function exportScopeSql(workspaceId: string, filters: ExportFilters, hidesUndecidedLabels: boolean, excludesAnchorsNeedingReview = false): { fromWhere: string; values: unknown[] } {
  const values: unknown[] = [workspaceId];
  const conditions = [`c."workspaceId" = $1`, `c."deletedAt" IS NULL`, `p."deletedAt" IS NULL`];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  if (filters.state !== "all") add((at) => `c.state = ${at}::"ReviewState"`, filters.state);
  // A label hidden from the reader counts as none, so a filter cannot reveal it either.
  if (filters.label === "none") conditions.push(hidesUndecidedLabels ? `(c.label IS NULL OR c."labelDecidedById" IS NULL)` : "c.label IS NULL");
  else if (filters.label) add((at) => `c.label = ${at}::"ClaimLabel"${hidesUndecidedLabels ? ` AND c."labelDecidedById" IS NOT NULL` : ""}`, filters.label);
  if (filters.passageId) add((at) => `c."passageId" = ${at}`, filters.passageId);
  if (filters.assigneeId) add((at) => `c."assigneeId" = ${at}`, filters.assigneeId);
  if (filters.since) add((at) => `c."updatedAt" >= ${at}::timestamptz AT TIME ZONE 'UTC'`, filters.since);
  // The claims list's `q` (lib/search/contains-text.ts): case-insensitive, % and _ meaning themselves.
  if (filters.q) add((at) => `(c.statement ILIKE ${at} OR c.exact ILIKE ${at})`, `%${filters.q.replace(/[\\%_]/g, "\\$&")}%`);
  if (excludesAnchorsNeedingReview) conditions.push(`NOT ${anchorNeedsReviewSql("c")}`);
  return { fromWhere: `FROM "Claim" c JOIN "Passage" p ON p.id = c."passageId" WHERE ${conditions.join(" AND ")}`, values };
}

/** The export's rows as one statement: claim, passage metadata, people, and evidence as JSON. */
function exportClaimsSql(fromWhere: string, hidesUndecidedLabels: boolean): string {
  const label = hidesUndecidedLabels ? `CASE WHEN c."labelDecidedById" IS NULL THEN NULL ELSE c.label::text END` : "c.label::text";
  return `
    SELECT c.id, c.exact, c.prefix, c.suffix, c.start, c."end",
      json_build_object('status', c."anchorStatus", 'revision', CASE WHEN c."anchorStatus" = 'orphaned' THEN c."anchorRevision" ELSE p.revision END,
        'previousQuote', CASE WHEN c."anchorStatus" = 'changed' THEN c."previousQuote" END) AS "anchor",
      c.statement, ${label} AS label, c.state::text AS state,
      c."verdictNote",
      (SELECT json_build_object('key', r.key, 'name', r.name, 'value', r.value,
          'bestRating', (SELECT max(s.value) FROM "Rating" s WHERE s."workspaceId" = $1),
          'worstRating', (SELECT min(s.value) FROM "Rating" s WHERE s."workspaceId" = $1))
        FROM "Rating" r WHERE r."workspaceId" = c."workspaceId" AND r.key = c.verdict) AS verdict,
      ${isoText('c."createdAt"')} AS "createdAt", ${isoText('c."updatedAt"')} AS "updatedAt",
      json_build_object('id', p.id, 'title', p.title, 'sourceUrl', p."sourceUrl", 'publisher', p.publisher, 'author', p.author,
        'publishedAt', ${isoText('p."publishedAt"')}, 'language', p.language) AS passage,
      p."textLength" AS "passageTextLength",
      (SELECT json_build_object('id', creator.id, 'name', creator.name) FROM "User" creator WHERE creator.id = c."createdById") AS "createdBy",
      (SELECT json_build_object('id', assignee.id, 'name', assignee.name) FROM "User" assignee WHERE assignee.id = c."assigneeId") AS assignee,
      (SELECT json_agg(json_build_object('stance', l.stance, 'note', l.note, 'kind', e.kind, 'url', e.url, 'title', e.title,
          'publisher', e.publisher, 'quote', e.quote, 'accessedAt', ${isoText('e."accessedAt"')}, 'passageId', e."passageId",
          'start', e.start, 'end', e."end", 'snapshotId', e."snapshotId") ORDER BY l."createdAt", l.id)
        FROM "ClaimEvidence" l JOIN "Evidence" e ON e.id = l."evidenceId"
        WHERE l."claimId" = c.id AND l."deletedAt" IS NULL) AS evidence,
      (SELECT json_build_object('id', u.id, 'name', u.name, 'at', ${isoText('c."decidedAt"')})
        FROM "User" u WHERE c.state = 'verified' AND u.id = c."decidedById") AS "verifiedBy"
    ${fromWhere}
    ORDER BY c."createdAt", c.id`;
}

type ExportClaimRow = Omit<ExportClaim, "evidence" | "verifiedBy"> & {
  passageTextLength: number;
  evidence: ExportClaim["evidence"] | null;
  verifiedBy: ExportClaim["verifiedBy"];
};

export type ExportReader = {
  /** How many claims the batches will hold: counted in the same snapshot they are read from. */
  claimCount: number;
  batches: () => AsyncGenerator<ExportBatch>;
  /** Ends the snapshot and its connection; reading to the end does this too. Safe to call twice. */
  close: () => Promise<void>;
};

/**
 * Opens the claims of an export: a server-side cursor on its own connection, in one read-only
 * snapshot, ordered by (createdAt, id). The count matches the rows, the same data gives the same
 * bytes, and memory holds one batch at a time. Flat rows with JSON for the nested parts cost far
 * less garbage than Prisma objects did (measured: docs/benchmarks.md). With `includePassageText`,
 * each batch also carries the passages (claims' and span evidence's) not yet sent, read in the
 * same snapshot; only their ids are remembered between batches.
 */
export async function openExportReader(input: {
  connection: ExportConnection;
  workspaceId: string;
  filters: ExportFilters;
  hidesUndecidedLabels: boolean;
  includePassageText: boolean;
  /** ClaimReview: leave out claims whose anchor a person has not settled since a revision (lib/revisions/anchor-review.ts). */
  excludesAnchorsNeedingReview?: boolean;
  batchSize?: number;
}): Promise<ExportReader> {
  const batchSize = input.batchSize ?? EXPORT_BATCH_SIZE;
  const client = new pg.Client(exportConnectionConfig(input.connection));
  // A connection PostgreSQL ends (a timeout) fails the next query; without a listener it would crash the worker.
  client.on("error", () => undefined);
  let isClosed = false;
  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    await client.end();
  };
  await client.connect();
  let claimCount: number;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Timestamps are stored as UTC without a zone; `since` must be read in UTC too.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const { fromWhere, values } = exportScopeSql(input.workspaceId, input.filters, input.hidesUndecidedLabels, input.excludesAnchorsNeedingReview);
    const counted = await client.query<{ count: number }>(`SELECT count(*)::int AS count ${fromWhere}`, values);
    claimCount = counted.rows[0]?.count ?? 0;
    await client.query(`DECLARE export_claims NO SCROLL CURSOR FOR ${exportClaimsSql(fromWhere, input.hidesUndecidedLabels)}`, values);
  } catch (error) {
    await close();
    throw error;
  }

  async function* batches(): AsyncGenerator<ExportBatch> {
    const sentPassageIds = new Set<string>();
    const offsetConverters: OffsetConverters = { astral: new Map(), checkedPassageIds: new Set() };
    const fetchBatch = () => {
      const fetching = client.query<ExportClaimRow>(`FETCH ${batchSize} FROM export_claims`);
      fetching.catch(() => undefined); // awaited below, unless the reader is closed first
      return fetching;
    };
    try {
      let fetching = fetchBatch();
      for (;;) {
        const { rows } = await fetching;
        if (rows.length === 0) break;
        const newPassages = input.includePassageText ? await passagesToSend(client, rows, sentPassageIds) : [];
        await addOffsetConverters(client, rows, offsetConverters);
        const isLast = rows.length < batchSize;
        // PostgreSQL prepares the next batch while this one is formatted: two cores, both busy.
        if (!isLast) fetching = fetchBatch();
        yield { claims: rows.map(toExportClaim), newPassages, offsetConverters: offsetConverters.astral };
        if (isLast) break;
      }
      await client.query("COMMIT");
    } finally {
      await close();
    }
  }
  return { claimCount, batches, close };
}

async function passagesToSend(client: pg.Client, rows: ExportClaimRow[], sentPassageIds: Set<string>): Promise<ExportPassageWithText[]> {
  const lengths = new Map<string, number>();
  for (const row of rows) {
    if (!sentPassageIds.has(row.passage.id)) lengths.set(row.passage.id, row.passageTextLength);
    for (const link of row.evidence ?? []) {
      const passageId = link.passageId;
      if (passageId && !sentPassageIds.has(passageId) && !lengths.has(passageId)) lengths.set(passageId, 0);
    }
  }
  const passages: ExportPassageWithText[] = [];
  for (const group of groupByBudget([...lengths.entries()])) {
    const { rows: found } = await client.query<ExportPassageWithText>(
      `SELECT id, title, "sourceUrl", publisher, author, ${isoText('"publishedAt"')} AS "publishedAt", language, text, "textHash"
       FROM "Passage" WHERE id = ANY($1::text[]) AND "deletedAt" IS NULL`,
      [group],
    );
    const byId = new Map(found.map((passage) => [passage.id, passage]));
    // In the order the claims first point to them, so the file reads top to bottom.
    for (const id of group) {
      const passage = byId.get(id);
      if (passage) passages.push(passage);
    }
  }
  for (const id of lengths.keys()) sentPassageIds.add(id);
  return passages;
}

/** The converters of the export's passages with astral characters, and every passage already looked at. */
type OffsetConverters = { astral: Map<string, OffsetConverter>; checkedPassageIds: Set<string> };

/**
 * Adds the offset converters of the passages this batch's claims and span evidence point into.
 * PostgreSQL's length counts code points and `textLength` code units, so only a passage where they
 * differ (it has characters beyond U+FFFF) has its text read, once per export.
 */
async function addOffsetConverters(client: pg.Client, rows: ExportClaimRow[], converters: OffsetConverters): Promise<void> {
  const unchecked = new Set<string>();
  for (const row of rows) {
    unchecked.add(row.passage.id);
    for (const link of row.evidence ?? []) if (link.passageId && link.start !== null) unchecked.add(link.passageId);
  }
  for (const id of converters.checkedPassageIds) unchecked.delete(id);
  if (unchecked.size === 0) return;
  const { rows: astral } = await client.query<{ id: string; textLength: number }>(
    `SELECT id, "textLength" FROM "Passage" WHERE id = ANY($1::text[]) AND char_length(text) <> "textLength"`,
    [[...unchecked]],
  );
  for (const group of groupByBudget(astral.map((passage): [string, number] => [passage.id, passage.textLength]))) {
    const { rows: texts } = await client.query<{ id: string; text: string }>(`SELECT id, text FROM "Passage" WHERE id = ANY($1::text[])`, [group]);
    for (const passage of texts) converters.astral.set(passage.id, offsetConverterOf(passage.text));
  }
  for (const id of unchecked) converters.checkedPassageIds.add(id);
}

function groupByBudget(entries: [string, number][]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const [id, length] of entries) {
    if (current.length > 0 && size + length > PASSAGE_TEXT_BUDGET) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(id);
    size += length;
  }
  if (current.length) groups.push(current);
  return groups;
}

function toExportClaim(row: ExportClaimRow): ExportClaim {
  return {
    id: row.id,
    passage: row.passage,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    anchor: row.anchor,
    statement: row.statement,
    label: row.label,
    state: row.state,
    verdict: row.verdict,
    verdictNote: row.verdictNote,
    evidence: row.evidence ?? [],
    createdBy: row.createdBy,
    assignee: row.assignee,
    verifiedBy: row.verifiedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
