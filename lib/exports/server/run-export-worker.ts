import "server-only";
import { Worker } from "node:worker_threads";
import { isNextServer } from "@/lib/env";
import type { ExportWorkerData, ExportWorkerMessage } from "@/lib/exports/server/export-worker-protocol";

/**
 * Each export runs in a worker thread with its own small heap. Formatting 100,000 claims makes
 * gigabytes of short-lived strings; in the request process V8 let its heap grow to several times
 * the live size before collecting, so resident memory rose by 100–155 MB per large export while
 * the live heap stayed flat (docs/benchmarks.md). A bounded heap collects early and is returned
 * whole when the export ends, and the formatting stays off the thread that answers requests.
 */
export const EXPORT_WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } as const;


export type ExportWorkerRun = { claimCount: number; body: ReadableStream<Uint8Array> };

/**
 * Starts the export, waits for its count, and returns a stream that pulls one chunk at a time.
 * `onDone` runs once, when the download ends, fails or is cancelled, or the worker stops.
 */
export async function runExportWorker(data: ExportWorkerData, onDone: () => void = () => undefined): Promise<ExportWorkerRun> {
  const worker = new Worker(new URL("./export-worker.ts", import.meta.url), {
    workerData: data,
    resourceLimits: EXPORT_WORKER_LIMITS,
    // Next.js bundles the worker from this `new Worker(new URL(…))`; run from source (tests,
    // scripts), the TypeScript entry is compiled on load by tsx (its CommonJS hook: Node 20 does
    // not apply ESM loader hooks inside worker threads).
    ...(isNextServer() ? {} : { execArgv: ["--require", "tsx/cjs"] }),
  });
  let isDone = false;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    onDone();
  };
  const inbox: ExportWorkerMessage[] = [];
  let deliver: ((message: ExportWorkerMessage) => void) | null = null;
  let isFinished = false;
  const receive = (message: ExportWorkerMessage) => {
    if (deliver) {
      const waiting = deliver;
      deliver = null;
      waiting(message);
    } else inbox.push(message);
  };
  worker.on("message", receive);
  worker.on("error", (error) => receive({ type: "error", message: error.message }));
  worker.on("exit", (code) => {
    finish();
    if (!isFinished) receive({ type: "error", message: `The export stopped unexpectedly (worker exit code ${code}).` });
  });
  const nextMessage = () => {
    const queued = inbox.shift();
    return queued ? Promise.resolve(queued) : new Promise<ExportWorkerMessage>((resolve) => (deliver = resolve));
  };
  const stop = async () => {
    isFinished = true;
    await worker.terminate();
    finish();
  };

  const first = await nextMessage();
  if (first.type !== "count") {
    await stop();
    throw new Error(first.type === "error" ? first.message : `The export worker sent ${first.type} before its count.`);
  }
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        worker.postMessage("next");
        const message = await nextMessage();
        if (message.type === "chunk") return controller.enqueue(message.bytes);
        isFinished = true;
        if (message.type === "end") {
          // The worker has closed its connection before sending "end".
          finish();
          return controller.close();
        }
        await stop();
        const reason = message.type === "error" ? message.message : `The export worker sent ${message.type} twice.`;
        console.error("Export failed while streaming", reason);
        controller.error(new Error(reason));
      },
      cancel: stop,
    },
    // One chunk ready ahead: the worker formats the next while the client downloads this one.
    { highWaterMark: 1 },
  );
  return { claimCount: first.claimCount, body };
}
