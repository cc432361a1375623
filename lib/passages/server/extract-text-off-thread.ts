import "server-only";
import { Worker } from "node:worker_threads";
import { isNextServer } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { extractPassageText, passageFileKind, type ExtractedPassage } from "@/lib/passages/extract-text";
import type { ExtractWorkerData, ExtractWorkerMessage } from "@/lib/passages/server/extract-worker-protocol";

/**
 * Parsing HTML and running Readability over it takes seconds for a large page (about 2 s of CPU
 * for 32,000 paragraphs, docs/benchmarks.md). On the request thread that stalls every other
 * request, /api/health included; in a worker it does not, and a heap limit and a time limit bound
 * what one upload can cost.
 */
const EXTRACT_WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 } as const;

/** The readable text of an uploaded file: plain text at once, HTML in a worker thread within `timeLimitMs`. */
export async function extractUploadedText(file: ExtractWorkerData, options: { timeLimitMs: number }): Promise<ExtractedPassage> {
  if (passageFileKind(file) === "text") return extractPassageText(file);
  const tooComplex = new AppError(
    "payload_too_large",
    `This HTML file is too large or complex to read within ${Math.round(options.timeLimitMs / 1000)} seconds. Save the page as plain text (.txt) and upload that, or paste its text.`,
  );
  const worker = new Worker(new URL("./extract-worker.ts", import.meta.url), {
    workerData: file,
    resourceLimits: EXTRACT_WORKER_LIMITS,
    // As for the export worker (run-export-worker.ts): bundled by Next.js, compiled by tsx from source.
    ...(isNextServer() ? {} : { execArgv: ["--require", "tsx/cjs"] }),
  });
  try {
    const message = await new Promise<ExtractWorkerMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(tooComplex), options.timeLimitMs);
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        outcome();
      };
      worker.once("message", (answer: ExtractWorkerMessage) => settle(() => resolve(answer)));
      worker.once("error", (error: Error & { code?: string }) =>
        settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooComplex : error)),
      );
      worker.once("exit", (code) => settle(() => reject(new Error(`The text extraction stopped unexpectedly (worker exit code ${code}).`))));
    });
    if (message.type === "done") return message.passage;
    if (message.type === "refused") throw new AppError(message.code, message.message);
    throw new Error(`Extracting the text of an upload failed: ${message.message}`);
  } finally {
    await worker.terminate();
  }
}
