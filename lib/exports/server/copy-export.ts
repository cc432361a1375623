import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { ExportContext } from "@/lib/exports/export-record";
import { archivedUrl, passageAppUrl } from "@/lib/exports/export-record";
import { csvFormatter } from "@/lib/exports/formats/csv";
import { jsonlFormatter } from "@/lib/exports/formats/jsonl";
import { createCopyBinaryRowDecoder } from "@/lib/exports/server/copy-binary-text";
import { createCopyCsvRowDecoder } from "@/lib/exports/server/copy-csv-rows";
import { readCopyAhead, type CopyReadAhead } from "@/lib/exports/server/copy-read-ahead";
import { csvCopySql } from "@/lib/exports/server/csv-copy-sql";
import { jsonlCopySql } from "@/lib/exports/server/jsonl-copy-sql";
import { exportPlanSql, type CopyBlock } from "@/lib/exports/server/copy-export-sql";
import { EXPORT_BATCH_SIZE, exportConnectionConfig, exportScopeSql, type ExportConnection, type ExportFilters } from "@/lib/exports/server/read-export-claims";

export type CopyExportFormat = "jsonl" | "csv";

const COPY_EXPORT_FORMATS: readonly CopyExportFormat[] = ["jsonl", "csv"];
export const isCopyExportFormat = (format: string): format is CopyExportFormat => (COPY_EXPORT_FORMATS as readonly string[]).includes(format);

// Chunks handed to the response at once: the COPY's rows arrive a few KB at a time. 256 KB rather
// than 64 KB: a third less of the web server's CPU for a 123 MB JSONL export (fewer writes through
// the response's streams, measured), at 192 KB more memory per download.
const CHUNK_BYTES = 256 * 1024;
// A large export is rendered by two connections sharing one snapshot, each COPY taking every
// other block of claims: PostgreSQL's rendering is most of an export's time (measured), and one
// backend uses one core. Below LANES.fromClaims one connection does it all.
const LANES = { blockClaims: 1_000, fromClaims: 10_000 };
const LANE_COUNT = 2;
// How far each of two connections may render ahead of the download (bytes held in memory per
// connection): more than a block, so one renders its next block while the other's is sent.
const AHEAD_BYTES = 2 * 1024 * 1024;

type CopyExportRun = { claimCount: number; body: ReadableStream<Uint8Array> };

/**
 * JSONL and CSV exports rendered by PostgreSQL: the claims are counted and numbered once (where
 * each block starts: exportPlanSql), then streamed with `COPY (SELECT …) TO STDOUT`, in one read-only snapshot on the export's own connections (their
 * statement and idle timeouts, as the worker's reader has). Past LANES.fromClaims claims a second
 * connection imports the snapshot (`SET TRANSACTION SNAPSHOT`) and renders every other block;
 * each row carries its block's number, and Node forwards the blocks in order. The body pulls as
 * the client reads; cancelling it ends the connections, which stops the COPYs. `onDone` runs
 * once, when the download ends, fails or is cancelled.
 */
export async function runCopyExport(
  input: {
    connection: ExportConnection;
    workspaceId: string;
    format: CopyExportFormat;
    filters: ExportFilters;
    hidesUndecidedLabels: boolean;
    context: ExportContext;
    /** Claims per block, and the fewest claims two connections render (tests use small blocks to exercise two). */
    lanes?: { blockClaims: number; fromClaims: number };
  },
  onDone: () => void = () => undefined,
): Promise<CopyExportRun> {
  const { blockClaims, fromClaims } = input.lanes ?? LANES;
  const clients: pg.Client[] = [];
  const copies: ReturnType<typeof copyTo>[] = [];
  let stallTimer: NodeJS.Timeout | undefined;
  let isDone = false;
  // The slot is given back when the client has taken the last byte (or gone away), not when the COPY ends.
  const finish = () => {
    if (isDone) return;
    isDone = true;
    clearTimeout(stallTimer);
    onDone();
  };
  const openClient = async () => {
    const client = new pg.Client(exportConnectionConfig(input.connection));
    // A connection PostgreSQL ends (a timeout) fails the stream; without a listener it would crash the process.
    client.on("error", () => undefined);
    clients.push(client);
    await client.connect();
    return client;
  };
  const closed = new Set<pg.Client>();
  const close = async (client: pg.Client, how: "end" | "destroy") => {
    if (closed.has(client)) return;
    closed.add(client);
    // Mid-COPY the server only notices a closed socket, not a polite Terminate message.
    if (how === "destroy") (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    else await client.end().catch(() => undefined);
  };
  const destroyAll = async () => {
    for (const copy of copies) copy.destroy();
    await Promise.all(clients.map((client) => close(client, "destroy")));
  };

  let claimCount: number;
  let readers: CopyReadAhead[];
  try {
    const first = await openClient();
    // Timestamps are stored as UTC without a zone; `since` must be read in UTC too. The rendered
    // dates are the columns' own text (copy-export-sql.ts isoTimestamp).
    const sessionSql = "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, MDY'";
    // One COPY lasts as long as the download, so the statement timeout (meant for each FETCH of a
    // cursor) would cut off slow downloads; a download that stops reading is ended below instead.
    const noStatementTimeout = "SET LOCAL statement_timeout = 0";
    // The COPYs look each claim's rows up once: Memoize (which the planner puts over the per-claim
    // line, keyed by claim id) only fills and evicts its cache (measured: every lookup a miss, 11–12% more CPU).
    const laneSettings = `${noStatementTimeout}; SET LOCAL enable_memoize = off; SET LOCAL work_mem = DEFAULT`;
    // The plan sorts the export's claims (ids and dates) once: in memory, twice as fast as on disk (measured).
    await first.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${sessionSql}; SET LOCAL work_mem = '32MB'`);
    const scope = exportScopeSql(input.workspaceId, input.filters, input.hidesUndecidedLabels);
    // COPY takes no parameters: the same values, as escaped literals.
    const fromWhere = scope.fromWhere.replace(/\$(\d+)/g, (_, index: string) => first.escapeLiteral(String(scope.values[Number(index) - 1])));
    const planned = await first.query<{ count: number; snapshot: string; blocks: [string, string, number][]; mentions: [number, string][] }>(
      exportPlanSql(fromWhere, blockClaims, input.format === "jsonl" ? EXPORT_BATCH_SIZE : undefined),
    );
    await first.query(laneSettings);
    const plan = planned.rows[0];
    claimCount = plan?.count ?? 0;
    const blocks: CopyBlock[] = (plan?.blocks ?? []).map(([createdAt, id, firstNumber], block, all) => {
      const next = all[block + 1];
      return { block, from: [createdAt, id], until: next ? [next[0], next[1]] : null, firstNumber };
    });
    const laneCount = claimCount > Math.max(fromClaims, blockClaims) ? LANE_COUNT : 1;
    const laneClients = [first];
    for (let lane = 1; lane < laneCount; lane++) {
      const client = await openClient();
      await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT ${client.escapeLiteral(plan?.snapshot ?? "")}; ${sessionSql}; ${laneSettings}`);
      laneClients.push(client);
    }
    const claimUrlPrefix = passageAppUrl(input.context, "");
    const archivedUrlPrefix = archivedUrl(input.context, "");
    // Each passage line goes to the lane whose block holds the claim it precedes.
    const laneOfClaim = (claimNumber: number) => {
      const block = blocks.findLast((candidate) => candidate.firstNumber <= claimNumber);
      return (block?.block ?? 0) % laneCount;
    };
    readers = laneClients.map((client, index) => {
      const lane = { blocks: blocks.filter((block) => block.block % laneCount === index) };
      const select =
        input.format === "jsonl"
          ? jsonlCopySql({
              ...{ fromWhere, hidesUndecidedLabels: input.hidesUndecidedLabels, claimUrlPrefix, archivedUrlPrefix, lane },
              passageMentions: (plan?.mentions ?? []).filter(([claimNumber]) => laneOfClaim(claimNumber) === index),
            })
          : csvCopySql({ fromWhere, hidesUndecidedLabels: input.hidesUndecidedLabels, claimUrlPrefix, lane });
      // JSONL's lines are one text column, sent untouched by the binary format; CSV's cells are
      // quoted by COPY's csv format.
      const copy = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT ${input.format === "csv" ? "csv" : "binary"})`));
      copies.push(copy);
      const decode = input.format === "csv" ? createCopyCsvRowDecoder() : createCopyBinaryRowDecoder();
      // One connection alone is read as the download takes its chunks.
      return readCopyAhead(copy, decode, laneCount > 1 ? AHEAD_BYTES : CHUNK_BYTES, async () => {
        await client.query("COMMIT");
        await close(client, "end");
      });
    });
  } catch (error) {
    finish();
    await destroyAll();
    throw error;
  }

  const formatter = input.format === "jsonl" ? jsonlFormatter : csvFormatter;
  const head = Buffer.from(formatter.begin(input.context, { claimCount }), "utf8");
  let pendingHead: Buffer | null = head;
  let block = 0; // the block being forwarded: its rows come from readers[block % readers.length]
  let isComplete = false;
  // As idle_in_transaction_session_timeout does for a cursor: a download that stops reading for
  // that long gives its connections and snapshot back.
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;
  let isCancelled = false;
  const watchForStall = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      const error = new Error("The export made no progress for too long and was ended.");
      for (const copy of copies) copy.destroy(error);
      finish();
      void destroyAll();
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
        if (isComplete) {
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
            if (readers.every((reader) => reader.isDone())) {
              // Every COPY has ended and committed (readCopyAhead's onEnd): nothing left to hold.
              isComplete = true;
              clearTimeout(stallTimer); // the client may take its time
              if (size > 0) return controller.enqueue(Buffer.concat(parts, size));
              finish();
              return controller.close();
            }
            const reader = readers[block % readers.length]!;
            const part = await reader.peek();
            if (part === null || part.tag > block) {
              block += 1; // this block's rows are all forwarded
              continue;
            }
            if (part.tag < block) throw new Error("The export's blocks arrived out of order.");
            reader.take();
            parts.push(part.bytes);
            size += part.bytes.length;
          }
        } catch (error) {
          if (isCancelled) return; // the client went away while this pull waited: not a failure
          finish();
          await destroyAll();
          console.error("Export failed while streaming", error instanceof Error ? error.message : error);
          return controller.error(error);
        }
        controller.enqueue(Buffer.concat(parts, size));
        watchForStall();
      },
      async cancel() {
        isCancelled = true;
        finish();
        await destroyAll();
      },
    },
    { highWaterMark: 1 },
  );
  return { claimCount, body };
}
