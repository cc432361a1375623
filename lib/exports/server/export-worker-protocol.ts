import type { ExportFormat } from "@/lib/exports/export.schemas";
import type { ExportContext } from "@/lib/exports/export-record";
import type { ExportConnection, ExportFilters } from "@/lib/exports/server/read-export-claims";

/** What the request thread hands the export worker: everything it needs, already authorized. */
export type ExportWorkerData = {
  connection: ExportConnection;
  workspaceId: string;
  format: ExportFormat;
  filters: ExportFilters;
  /** Blind double review: labels no editor has decided are exported as none (claim-view's hidesUndecidedLabels). */
  hidesUndecidedLabels: boolean;
  context: ExportContext;
};

/** The request thread sends "next" for each chunk it wants; the worker answers with one of these. */
export type ExportWorkerMessage =
  | { type: "count"; claimCount: number }
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "end" }
  | { type: "error"; message: string };
