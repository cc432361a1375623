import { AppError } from "@/lib/http/errors";

/** The scale version named by `If-Match: "<version>"` (quoted or not, weak or strong). */
export function requiredScaleVersion(headers: Headers): string {
  const header = headers.get("if-match");
  if (header === null) {
    throw new AppError("precondition_required", 'Send the scale version you started from as `If-Match: "<version>"` (the ETag of GET), so no one\'s change is overwritten.');
  }
  const match = /^\s*(?:W\/)?"?([0-9a-f]{1,64})"?\s*$/.exec(header);
  if (!match?.[1]) {
    const message = "If-Match must be a rating scale version as GET answers it (its ETag).";
    throw new AppError("validation_failed", message, { details: [{ path: ["headers", "if-match"], message }] });
  }
  return match[1];
}
