import { AppError } from "@/lib/http/errors";

/** The version named by an `If-Match: "<version>"` header (weak or strong, quoted or not). */
export function requiredIfMatchVersion(headers: Headers): number {
  const header = headers.get("if-match");
  if (header === null) {
    throw new AppError(
      "precondition_required",
      'Send the version you started from as `If-Match: "<version>"` (the claim\'s ETag), so no one\'s change is overwritten.',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match?.[1]) {
    const message = 'If-Match must be a claim version such as "3".';
    throw new AppError("validation_failed", message, { details: [{ path: ["headers", "if-match"], message }] });
  }
  return Number(match[1]);
}

export const etagHeader = (version: number) => ({ ETag: `"${version}"` });
