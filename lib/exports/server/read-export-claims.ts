import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { ExportQuery } from "@/lib/exports/export.schemas";
import type { ExportBatch, ExportClaim, ExportPassage, ExportPassageWithText } from "@/lib/exports/export-record";
import type { Prisma } from "@/lib/generated/prisma/client";

export const EXPORT_BATCH_SIZE = 500;
// Passage texts (up to 5 MB each) are loaded in groups of at most this many characters.
const PASSAGE_TEXT_BUDGET = 8 * 1024 * 1024;

const passageMetadataSelect = {
  id: true,
  title: true,
  sourceUrl: true,
  publisher: true,
  author: true,
  publishedAt: true,
  language: true,
  textLength: true,
} as const;


/**
 * The claims an export covers: live claims of live passages, with the allowlisted filters. Deleted
 * passages are excluded by id (a workspace has few): a join to Passage here makes PostgreSQL sort
 * every remaining claim for each batch instead of walking the (workspaceId, createdAt, id) index.
 */
export async function exportClaimsWhere(workspaceId: string, query: Omit<ExportQuery, "format">): Promise<Prisma.ClaimWhereInput> {
  const deletedPassages = await db.passage.findMany({ where: { workspaceId, deletedAt: { not: null } }, select: { id: true } });
  return {
    workspaceId,
    deletedAt: null,
    ...(deletedPassages.length ? { passageId: { notIn: deletedPassages.map((passage) => passage.id) } } : {}),
    ...(query.state !== "all" ? { state: query.state } : {}),
    ...(query.label ? { label: query.label === "none" ? null : query.label } : {}),
    ...(query.passageId ? { AND: [{ passageId: query.passageId }] } : {}),
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(query.since ? { updatedAt: { gte: new Date(query.since) } } : {}),
  };
}

type ExportFilters = Omit<ExportQuery, "format">;

// Timestamps leave PostgreSQL as the same ISO 8601 text Prisma's Date.toISOString() gives, so the
// driver never reads them in the machine's local time zone.
const isoText = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The export's rows as one statement: claim, passage metadata, people, and evidence as JSON. */
function exportClaimsSql(workspaceId: string, filters: ExportFilters): { text: string; values: unknown[] } {
  const values: unknown[] = [workspaceId];
  const conditions = [`c."workspaceId" = $1`, `c."deletedAt" IS NULL`, `p."deletedAt" IS NULL`];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  if (filters.state !== "all") add((at) => `c.state = ${at}::"ReviewState"`, filters.state);
  if (filters.label === "none") conditions.push("c.label IS NULL");
  else if (filters.label) add((at) => `c.label = ${at}::"ClaimLabel"`, filters.label);
  if (filters.passageId) add((at) => `c."passageId" = ${at}`, filters.passageId);
  if (filters.assigneeId) add((at) => `c."assigneeId" = ${at}`, filters.assigneeId);
  if (filters.since) add((at) => `c."updatedAt" >= ${at}::timestamptz AT TIME ZONE 'UTC'`, filters.since);
  const text = `
    SELECT c.id, c.exact, c.prefix, c.suffix, c.start, c."end", c.statement, c.label::text AS label, c.state::text AS state,
      c."verdictNote", ${isoText('c."createdAt"')} AS "createdAt", ${isoText('c."updatedAt"')} AS "updatedAt",
      json_build_object('id', p.id, 'title', p.title, 'sourceUrl', p."sourceUrl", 'publisher', p.publisher, 'author', p.author,
        'publishedAt', ${isoText('p."publishedAt"')}, 'language', p.language) AS passage,
      p."textLength" AS "passageTextLength",
      json_build_object('id', creator.id, 'name', creator.name) AS "createdBy",
      CASE WHEN assignee.id IS NULL THEN NULL ELSE json_build_object('id', assignee.id, 'name', assignee.name) END AS assignee,
      (SELECT json_agg(json_build_object('stance', l.stance, 'note', l.note, 'kind', e.kind, 'url', e.url, 'title', e.title,
          'publisher', e.publisher, 'quote', e.quote, 'accessedAt', ${isoText('e."accessedAt"')}, 'passageId', e."passageId",
          'start', e.start, 'end', e."end") ORDER BY l."createdAt", l.id)
        FROM "ClaimEvidence" l JOIN "Evidence" e ON e.id = l."evidenceId"
        WHERE l."claimId" = c.id AND l."deletedAt" IS NULL) AS evidence,
      (SELECT json_build_object('id', u.id, 'name', u.name, 'at', ${isoText('ev."createdAt"')})
        FROM "AuditEvent" ev JOIN "User" u ON u.id = ev."actorId"
        WHERE c.state = 'verified' AND ev."claimId" = c.id AND ev.action = 'claim.state_changed' AND ev.field = 'state'
          AND ev.after = '"verified"'::jsonb
        ORDER BY ev."createdAt" DESC, ev.id DESC LIMIT 1) AS "verifiedBy"
    FROM "Claim" c
    JOIN "Passage" p ON p.id = c."passageId"
    JOIN "User" creator ON creator.id = c."createdById"
    LEFT JOIN "User" assignee ON assignee.id = c."assigneeId"
    WHERE ${conditions.join(" AND ")}
    ORDER BY c."createdAt", c.id`;
  return { text, values };
}

type ExportClaimRow = Omit<ExportClaim, "evidence" | "verifiedBy"> & {
  passageTextLength: number;
  evidence: ExportClaim["evidence"] | null;
  verifiedBy: ExportClaim["verifiedBy"];
};

/**
 * Reads the claims of an export through a server-side cursor on its own connection, in one
 * read-only snapshot, ordered by (createdAt, id): the count matches the rows, the same data gives
 * the same bytes, and memory holds one batch at a time. Flat rows with JSON for the nested parts
 * cost the Node process far less garbage than Prisma objects did (measured: docs/benchmarks.md).
 * With `includePassageText`, each batch also carries the passages (claims' and span evidence's)
 * not yet sent; only their ids are remembered between batches.
 */
export async function* readExportBatches(input: {
  workspaceId: string;
  filters: ExportFilters;
  includePassageText: boolean;
  batchSize?: number;
}): AsyncGenerator<ExportBatch> {
  const batchSize = input.batchSize ?? EXPORT_BATCH_SIZE;
  const sentPassageIds = new Set<string>();
  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Timestamps are stored as UTC without a zone; `since` must be read in UTC too.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const { text, values } = exportClaimsSql(input.workspaceId, input.filters);
    await client.query(`DECLARE export_claims NO SCROLL CURSOR FOR ${text}`, values);
    for (;;) {
      const { rows } = await client.query<ExportClaimRow>(`FETCH ${batchSize} FROM export_claims`);
      if (rows.length === 0) break;
      const claims = rows.map(toExportClaim);
      const newPassages = input.includePassageText ? await passagesToSend(rows, sentPassageIds) : [];
      yield { claims, newPassages };
      if (rows.length < batchSize) break;
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

async function passagesToSend(rows: ExportClaimRow[], sentPassageIds: Set<string>): Promise<ExportPassageWithText[]> {
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
    const found = await db.passage.findMany({
      where: { id: { in: group }, deletedAt: null },
      select: { ...passageMetadataSelect, text: true, textHash: true },
    });
    const byId = new Map(found.map((passage) => [passage.id, passage]));
    // In the order the claims first point to them, so the file reads top to bottom.
    for (const id of group) {
      const passage = byId.get(id);
      if (passage) passages.push({ ...toExportPassage(passage), text: passage.text, textHash: passage.textHash });
    }
  }
  for (const id of lengths.keys()) sentPassageIds.add(id);
  return passages;
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

function toExportPassage(passage: {
  id: string;
  title: string;
  sourceUrl: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
}): ExportPassage {
  return {
    id: passage.id,
    title: passage.title,
    sourceUrl: passage.sourceUrl,
    publisher: passage.publisher,
    author: passage.author,
    publishedAt: passage.publishedAt?.toISOString() ?? null,
    language: passage.language,
  };
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
    statement: row.statement,
    label: row.label,
    state: row.state,
    verdictNote: row.verdictNote,
    evidence: row.evidence ?? [],
    createdBy: row.createdBy,
    assignee: row.assignee,
    verifiedBy: row.verifiedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
