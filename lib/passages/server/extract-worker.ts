import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "@/lib/http/errors";
import { extractPassageText } from "@/lib/passages/extract-text";
import type { ExtractWorkerData, ExtractWorkerMessage } from "@/lib/passages/server/extract-worker-protocol";

// Reads one uploaded HTML file in its own thread and heap (see extract-text-off-thread.ts), so a large
// document neither stalls the requests the app is answering nor grows the app's own heap.

if (parentPort) {
  const port = parentPort;
  const post = (message: ExtractWorkerMessage) => port.postMessage(message);
  const file = workerData as ExtractWorkerData;
  try {
    post({ type: "done", passage: extractPassageText(file) });
  } catch (error) {
    post(
      error instanceof AppError
        ? { type: "refused", code: error.code, message: error.message }
        : { type: "failed", message: error instanceof Error ? error.message : String(error) },
    );
  }
  port.close();
}
