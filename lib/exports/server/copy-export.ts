import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { ExportContext } from "@/lib/exports/export-record";
import { passageAppUrl } from "@/lib/exports/export-record";
import { csvFormatter } from "@/lib/exports/formats/csv";
import { jsonlFormatter } from "@/lib/exports/formats/jsonl";
import { createCopyBinaryTextDecoder } from "@/lib/exports/server/copy-binary-text";
import { csvCopySql } from "@/lib/exports/server/csv-copy-sql";
import { jsonlCopySql } from "@/lib/exports/server/jsonl-copy-sql";
import { exportConnectionConfig, exportScopeSql, type ExportConnection, type ExportFilters } from "@/lib/exports/server/read-export-claims";

export type CopyExportFormat = "jsonl" | "csv";

export const COPY_EXPORT_FORMATS: readonly CopyExportFormat[] = ["jsonl", "csv"];
export const isCopyExportFormat = (format: string): format is CopyExportFormat => (COPY_EXPORT_FORMATS as readonly string[]).includes(format);

// Chunks handed to the response at once: the COPY's rows arrive a few KB at a time.
const CHUNK_BYTES = 64 * 1024;

export type CopyExportRun = { claimCount: number; body: ReadableStream<Uint8Array> };

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
  let isClosed = false;
  const close = async (how: "end" | "destroy") => {
    if (isClosed) return;
    isClosed = true;
    onDone();
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
    const scope = exportScopeSql(input.workspaceId, input.filters, input.hidesUndecidedLabels);
    const counted = await client.query<{ count: number }>(`SELECT count(*)::int AS count ${scope.fromWhere}`, scope.values);
    claimCount = counted.rows[0]?.count ?? 0;
    // COPY takes no parameters: the same values, as escaped literals.
    const fromWhere = scope.fromWhere.replace(/\$(\d+)/g, (_, index: string) => client.escapeLiteral(String(scope.values[Number(index) - 1])));
    const claimUrlPrefix = passageAppUrl(input.context, "");
    const select = (input.format === "jsonl" ? jsonlCopySql : csvCopySql)({ fromWhere, hidesUndecidedLabels: input.hidesUndecidedLabels, claimUrlPrefix });
    copy = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`));
  } catch (error) {
    await close("destroy");
    throw error;
  }

  const formatter = input.format === "jsonl" ? jsonlFormatter : csvFormatter;
  const head = Buffer.from(formatter.begin(input.context, { claimCount }), "utf8");
  const decode = createCopyBinaryTextDecoder();
  const chunks = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pendingHead: Buffer | null = head;

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const parts: Buffer[] = pendingHead ? [pendingHead] : [];
        let size = pendingHead?.length ?? 0;
        pendingHead = null;
        try {
          while (size < CHUNK_BYTES) {
            const next = await chunks.next();
            if (next.done) {
              await client.query("COMMIT");
              await close("end");
              if (size > 0) controller.enqueue(Buffer.concat(parts, size));
              return controller.close();
            }
            for (const part of decode(next.value)) {
              parts.push(part);
              size += part.length;
            }
          }
        } catch (error) {
          if (isClosed) return; // cancelled while this pull waited: not a failure
          await close("destroy");
          console.error("Export failed while streaming", error instanceof Error ? error.message : error);
          return controller.error(error);
        }
        controller.enqueue(Buffer.concat(parts, size));
      },
      async cancel() {
        copy.destroy();
        await close("destroy");
      },
    },
    { highWaterMark: 1 },
  );
  return { claimCount, body };
}
