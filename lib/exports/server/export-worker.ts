import { parentPort, workerData } from "node:worker_threads";
import { EXPORT_FORMATTERS } from "@/lib/exports/formats";
import type { ExportWorkerData, ExportWorkerMessage } from "@/lib/exports/server/export-worker-protocol";
import { openExportReader } from "@/lib/exports/server/read-export-claims";

// One export, in its own thread and heap (see run-export-worker.ts): opens the snapshot, reports the
// count, then formats one batch each time the request asks for more, so a slow download holds
// one batch, never the file.

async function run(port: NonNullable<typeof parentPort>, data: ExportWorkerData): Promise<void> {
  const formatter = EXPORT_FORMATTERS[data.format];
  const reader = await openExportReader({
    connection: data.connection,
    workspaceId: data.workspaceId,
    filters: data.filters,
    hidesUndecidedLabels: data.hidesUndecidedLabels,
    includePassageText: formatter.includesPassageText,
    // A published fact-check must quote the article as it is: claims whose anchor awaits a person stay out.
    excludesAnchorsNeedingReview: data.format === "claimreview",
  });
  const post = (message: ExportWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  post({ type: "count", claimCount: reader.claimCount });

  async function* texts(): AsyncGenerator<string> {
    const totals = { claimCount: reader.claimCount };
    yield formatter.begin(data.context, totals);
    let isFirst = true;
    for await (const batch of reader.batches()) {
      yield formatter.batch(batch, data.context, { isFirst });
      isFirst = false;
    }
    yield formatter.end(data.context, totals);
  }
  const chunks = texts();
  const encoder = new TextEncoder();

  port.on("message", (request: "next") => {
    if (request !== "next") return;
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await chunks.next();
          if (done) {
            post({ type: "end" });
            return port.close();
          }
          if (value.length === 0) continue;
          const bytes = encoder.encode(value);
          return post({ type: "chunk", bytes }, [bytes.buffer as ArrayBuffer]);
        }
      } catch (error) {
        await reader.close().catch(() => undefined);
        post({ type: "error", message: error instanceof Error ? error.message : String(error) });
        port.close();
      }
    })();
  });
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as ExportWorkerData).catch((error: unknown) => {
    port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies ExportWorkerMessage);
    port.close();
  });
}
