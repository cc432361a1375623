import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { ExportContext } from "@/lib/exports/export-record";
import { archivedUrl, passageAppUrl } from "@/lib/exports/export-record";
import { csvFormatter } from "@/lib/exports/formats/csv";
import { jsonlFormatter } from "@/lib/exports/formats/jsonl";
import { createCopyBinaryTextDecoder } from "@/lib/exports/server/copy-binary-text";
import { csvCopySql } from "@/lib/exports/server/csv-copy-sql";
import { jsonlCopySql } from "@/lib/exports/server/jsonl-copy-sql";
import { exportConnectionConfig, exportScopeSql, type ExportConnection, type ExportFilters } from "@/lib/exports/server/read-export-claims";

export type CopyExportFormat = "jsonl" | "csv";

const COPY_EXPORT_FORMATS: readonly CopyExportFormat[] = ["jsonl", "csv"];
export const isCopyExportFormat = (format: string): format is CopyExportFormat => (COPY_EXPORT_FORMATS as readonly string[]).includes(format);

// Chunks handed to the response at once: the COPY's rows arrive a few KB at a time.
const CHUNK_BYTES = 64 * 1024;

type CopyExportRun = { claimCount: number; body: ReadableStream<Uint8Array> };

/**
 * JSONL and CSV exports rendered by PostgreSQL: the claims are counted, then streamed with
 * `COPY (SELECT …) TO STDOUT`, in one read-only snapshot on the export's own connection (its
 * statement and idle timeouts, as the worker's reader has). Node writes the header and forwards
 * bytes. The body pulls as the client reads; cancelling it ends the connection, which stops the
 * COPY. `onDone` runs once, when the download ends, fails or is cancelled.
 */
export async function runCopyExport(
  input: { connection: ExportConnection; workspaceId: string; format: CopyExportFormat; filters: ExportFilters; hidesUndecidedLabels: boolean; context: ExportContext },
  onDone: () => void = () => undefined,
): Promise<CopyExportRun> {
  const client = new pg.Client(exportConnectionConfig(input.connection));
  // A connection PostgreSQL ends (a timeout) fails the stream; without a listener it would crash the process.
  client.on("error", () => undefined);
  let stallTimer: NodeJS.Timeout | undefined;
  let isDone = false;
  // The slot is given back when the client has taken the last byte (or gone away), not when the COPY ends.
  const finish = () => {
    if (isDone) return;
    isDone = true;
    clearTimeout(stallTimer);
    onDone();
  };
  let isClosed = false;
  const close = async (how: "end" | "destroy") => {
    if (isClosed) return;
    isClosed = true;
    // Mid-COPY the server only notices a closed socket, not a polite Terminate message.
    if (how === "destroy") (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    else await client.end().catch(() => undefined);
  };

  let claimCount: number;
  let copy: ReturnType<typeof copyTo>;
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Timestamps are stored as UTC without a zone; `since` must be read in UTC too.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    // The rendered dates are the columns' own text (copy-export-sql.ts isoTimestamp).
    await client.query("SET LOCAL DateStyle = 'ISO, MDY'");
    const scope = exportScopeSql(input.workspaceId, input.filters, input.hidesUndecidedLabels);
    const counted = await client.query<{ count: number }>(`SELECT count(*)::int AS count ${scope.fromWhere}`, scope.values);
    claimCount = counted.rows[0]?.count ?? 0;
    // COPY takes no parameters: the same values, as escaped literals.
    const fromWhere = scope.fromWhere.replace(/\$(\d+)/g, (_, index: string) => client.escapeLiteral(String(scope.values[Number(index) - 1])));
    const claimUrlPrefix = passageAppUrl(input.context, "");
    const archivedUrlPrefix = archivedUrl(input.context, "");
    const select = (input.format === "jsonl" ? jsonlCopySql : csvCopySql)({ fromWhere, hidesUndecidedLabels: input.hidesUndecidedLabels, claimUrlPrefix, archivedUrlPrefix });
    // One COPY lasts as long as the download, so the statement timeout (meant for each FETCH of a
    // cursor) would cut off slow downloads; a download that stops reading is ended below instead.
    await client.query("SET LOCAL statement_timeout = 0");
    copy = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`));
  } catch (error) {
    finish();
    await close("destroy");
    throw error;
  }

  const formatter = input.format === "jsonl" ? jsonlFormatter : csvFormatter;
  const head = Buffer.from(formatter.begin(input.context, { claimCount }), "utf8");
  const decode = createCopyBinaryTextDecoder();
  const chunks = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pendingHead: Buffer | null = head;
  // As idle_in_transaction_session_timeout does for a cursor: a download that stops reading for
  // that long gives its connection and snapshot back.
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;
  let isCancelled = false;
  const watchForStall = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      const error = new Error("The export made no progress for too long and was ended.");
      copy.destroy(error);
      finish();
      void close("destroy");
      try {
        streamController?.error(error);
      } catch {
        // already closed
      }
    }, input.connection.idleInTransactionTimeoutMs);
    stallTimer.unref();
  };
  watchForStall();

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
      },
      async pull(controller) {
        if (isClosed) {
          // The last chunk was taken: the download is complete.
          finish();
          return controller.close();
        }
        watchForStall();
        const parts: Buffer[] = pendingHead ? [pendingHead] : [];
        let size = pendingHead?.length ?? 0;
        pendingHead = null;
        try {
          while (size < CHUNK_BYTES) {
            const next = await chunks.next();
            if (next.done) {
              await client.query("COMMIT");
              await close("end");
              clearTimeout(stallTimer); // nothing left to hold: the client may take its time
              if (size > 0) return controller.enqueue(Buffer.concat(parts, size));
              finish();
              return controller.close();
            }
            for (const part of decode(next.value)) {
              parts.push(part);
              size += part.length;
            }
          }
        } catch (error) {
          if (isCancelled) return; // the client went away while this pull waited: not a failure
          finish();
          await close("destroy");
          console.error("Export failed while streaming", error instanceof Error ? error.message : error);
          return controller.error(error);
        }
        controller.enqueue(Buffer.concat(parts, size));
        watchForStall();
      },
      async cancel() {
        isCancelled = true;
        finish();
        copy.destroy();
        await close("destroy");
      },
    },
    { highWaterMark: 1 },
  );
  return { claimCount, body };
}
