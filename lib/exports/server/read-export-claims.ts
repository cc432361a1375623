import "server-only";
import { evidenceLinkSelect } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import type { ExportQuery } from "@/lib/exports/export.schemas";
import type { ExportBatch, ExportClaim, ExportPassageWithText, ExportPerson } from "@/lib/exports/export-record";
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

const exportClaimSelect = {
  id: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  statement: true,
  label: true,
  state: true,
  verdictNote: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  passage: { select: passageMetadataSelect },
  evidence: {
    where: { deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }] as Prisma.ClaimEvidenceOrderByWithRelationInput[],
    select: evidenceLinkSelect,
  },
} as const;

type ExportClaimRow = Prisma.ClaimGetPayload<{ select: typeof exportClaimSelect }>;

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

/**
 * Reads the claims of an export in keyset batches ordered by (createdAt, id), so memory stays the
 * size of one batch whatever the number of claims, and the same data always comes in the same order.
 * With `includePassageText`, each batch also carries the passages (claims' and span evidence's)
 * not yet sent; only their ids are remembered between batches.
 */
export async function* readExportBatches(input: {
  where: Prisma.ClaimWhereInput;
  includePassageText: boolean;
  batchSize?: number;
}): AsyncGenerator<ExportBatch> {
  const batchSize = input.batchSize ?? EXPORT_BATCH_SIZE;
  const sentPassageIds = new Set<string>();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: ExportClaimRow[] = await db.claim.findMany({
      where: after
        ? {
            AND: [
              input.where,
              // The plain bound gives PostgreSQL an index range; the OR alone rescans from the start.
              { createdAt: { gte: after.createdAt } },
              { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] },
            ],
          }
        : input.where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
      // Separate IN queries per relation: measured far faster here than LATERAL joins over a batch.
      relationLoadStrategy: "query",
      select: exportClaimSelect,
    });
    if (rows.length === 0) return;
    const verifiers = await lastVerifiers(rows.filter((row) => row.state === "verified").map((row) => row.id));
    const claims = rows.map((row) => toExportClaim(row, verifiers.get(row.id) ?? null));
    const newPassages = input.includePassageText ? await passagesToSend(rows, sentPassageIds) : [];
    yield { claims, newPassages };
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    if (!last) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** Who last moved each claim to verified, from the audit log. */
async function lastVerifiers(claimIds: string[]): Promise<Map<string, ExportPerson & { at: string }>> {
  const verifiers = new Map<string, ExportPerson & { at: string }>();
  if (claimIds.length === 0) return verifiers;
  const events = await db.auditEvent.findMany({
    where: { claimId: { in: claimIds }, action: "claim.state_changed", field: "state", after: { equals: "verified" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { claimId: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  for (const event of events) {
    if (event.claimId && event.actor) verifiers.set(event.claimId, { ...event.actor, at: event.createdAt.toISOString() });
  }
  return verifiers;
}

async function passagesToSend(rows: ExportClaimRow[], sentPassageIds: Set<string>): Promise<ExportPassageWithText[]> {
  const lengths = new Map<string, number>();
  for (const row of rows) {
    if (!sentPassageIds.has(row.passage.id)) lengths.set(row.passage.id, row.passage.textLength);
    for (const link of row.evidence) {
      const passageId = link.evidence.passageId;
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

function toExportPassage(passage: Omit<ExportClaimRow["passage"], "textLength"> & { textLength?: number }) {
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

function toExportClaim(row: ExportClaimRow, verifiedBy: (ExportPerson & { at: string }) | null): ExportClaim {
  return {
    id: row.id,
    passage: toExportPassage(row.passage),
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    statement: row.statement,
    label: row.label,
    state: row.state,
    verdictNote: row.verdictNote,
    evidence: row.evidence.map((link) => ({
      stance: link.stance,
      note: link.note,
      kind: link.evidence.kind,
      url: link.evidence.url,
      title: link.evidence.title,
      publisher: link.evidence.publisher,
      quote: link.evidence.quote,
      accessedAt: link.evidence.accessedAt?.toISOString() ?? null,
      passageId: link.evidence.passageId,
      start: link.evidence.start,
      end: link.evidence.end,
    })),
    createdBy: row.createdBy,
    assignee: row.assignee,
    verifiedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
