import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { hidesUndecidedLabels } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { ExportQuery } from "@/lib/exports/export.schemas";
import { exportFileName, filterParts } from "@/lib/exports/export-filename";
import { exportApiUrl, type ExportContext } from "@/lib/exports/export-record";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";
import { takeExportSlot } from "@/lib/exports/server/export-slots";
import { isCopyExportFormat, runCopyExport } from "@/lib/exports/server/copy-export";
import type { ExportConnection } from "@/lib/exports/server/read-export-claims";
import { runExportWorker } from "@/lib/exports/server/run-export-worker";
import { notFound } from "@/lib/http/errors";

export type ClaimExport = {
  fileName: string;
  contentType: string;
  claimCount: number;
  body: ReadableStream<Uint8Array>;
};

/**
 * A workspace's claims as a download in one of four formats, after the access checks. The claims
 * are counted and read in one snapshot; the body pulls one chunk at a time.
 */
export async function exportClaims({
  actor,
  workspaceId,
  query,
  appUrl,
  now = new Date(),
}: {
  actor: Actor;
  workspaceId: string;
  query: ExportQuery;
  /** The app's base URL (no trailing slash), for links to claims and passages. */
  appUrl: string;
  now?: Date;
}): Promise<ClaimExport> {
  const viewer = await requireWorkspaceAccess(actor, workspaceId, "workspace.export");
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, name: true } });
  if (!workspace) throw notFound("This workspace");
  if (query.passageId) {
    const passage = await db.passage.findFirst({ where: { id: query.passageId, workspaceId, deletedAt: null }, select: { id: true } });
    if (!passage) throw notFound("The passage to filter by");
  }
  const formatter = EXPORT_FORMATTERS[query.format];
  const { format, ...filters } = query;
  const baseUrl = appUrl.replace(/\/+$/, "");
  const context: ExportContext = {
    appUrl: baseUrl,
    workspace,
    filterLabel: filterParts(filters).join(", "),
    exportUrl: exportApiUrl(baseUrl, workspace.id, query),
  };
  const env = serverEnv();
  const slot = takeExportSlot(actor.userId, { maxConcurrent: env.EXPORT_MAX_CONCURRENT, maxPerUser: env.EXPORT_MAX_PER_USER });
  let run: { claimCount: number; body: ReadableStream<Uint8Array> };
  try {
    const input = { connection: exportConnection(), workspaceId, filters, hidesUndecidedLabels: hidesUndecidedLabels(viewer), context };
    // JSONL and CSV are rendered by PostgreSQL and streamed with COPY; the JSON-LD formats are assembled in a worker.
    run = isCopyExportFormat(format) ? await runCopyExport({ ...input, format }, slot.release) : await runExportWorker({ ...input, format }, slot.release);
  } catch (error) {
    slot.release();
    throw error;
  }
  return {
    fileName: exportFileName({ workspaceName: workspace.name, query, extension: formatter.extension, on: now }),
    contentType: formatter.contentType,
    claimCount: run.claimCount,
    body: run.body,
  };
}

/** The export connection's database and limits, from the settings. */
export function exportConnection(): ExportConnection {
  const env = serverEnv();
  return {
    connectionString: env.DATABASE_URL,
    statementTimeoutMs: Math.round(env.EXPORT_STATEMENT_TIMEOUT_SECONDS * 1000),
    idleInTransactionTimeoutMs: Math.round(env.EXPORT_IDLE_TIMEOUT_SECONDS * 1000),
  };
}
