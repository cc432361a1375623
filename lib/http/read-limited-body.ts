import { AppError } from "@/lib/http/errors";
import { formatBytes } from "@/lib/http/format-bytes";

/**
 * Reads a request body up to a limit, counting bytes as they arrive, so a body without
 * Content-Length cannot exceed the cap either. Over the limit: 413 with `message`.
 */
export async function readLimitedBody(
  request: Request,
  limitBytes: number,
  message = `The request body is larger than the limit of ${formatBytes(limitBytes)}.`,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError("payload_too_large", message);
  if (Number(request.headers.get("content-length") ?? "0") > limitBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw bodyCutOff(error);
    });
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const CUT_OFF_MESSAGE = "The request ended before its body was complete (the connection was closed or reset); send it again.";

/** A body that stopped arriving: the client hung up, or the connection broke. Not our failure, so never a 500. */
export function bodyCutOff(cause?: unknown): AppError {
  const error = new AppError("validation_failed", CUT_OFF_MESSAGE, { details: [{ path: ["body"], message: "Incomplete body" }] });
  if (cause !== undefined) error.cause = cause;
  return error;
}

/** Whether an error means the client went away (an aborted request or a reset connection) rather than a fault of ours. */
export function isClientGone(error: unknown, request?: Request): boolean {
  if (request?.signal.aborted) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === "AbortError" || code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || (code === undefined && error.message === "aborted");
}
