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
    const { done, value } = await reader.read();
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
