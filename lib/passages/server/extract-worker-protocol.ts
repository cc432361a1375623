import type { ErrorCode } from "@/lib/http/errors";
import type { ExtractedPassage } from "@/lib/passages/extract-text";

/** The uploaded file the request thread hands the extraction worker. */
export type ExtractWorkerData = { fileName: string; contentType: string; content: Uint8Array };

/** The worker's one answer: the text, a refusal meant for the user (an AppError), or a failure. */
export type ExtractWorkerMessage =
  | { type: "done"; passage: ExtractedPassage }
  | { type: "refused"; code: ErrorCode; message: string }
  | { type: "failed"; message: string };
