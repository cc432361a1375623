import { AppError } from "@/lib/http/errors";

/**
 * The version named by an `If-Match: "<version>"` header (weak or strong, quoted or not). `what`
 * names the number in messages: a claim's version, or a passage's revision.
 */
export function requiredIfMatchVersion(headers: Headers, what: "claim version" | "passage revision" = "claim version"): number {
  const header = headers.get("if-match");
  if (header === null) {
    const etag = what === "claim version" ? "the claim's ETag" : "the passage's current `revision`";
    throw new AppError("precondition_required", `Send the version you started from as \`If-Match: "<version>"\` (${etag}), so no one's change is overwritten.`);
  }
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match?.[1]) {
    const message = `If-Match must be a ${what} such as "3".`;
    throw new AppError("validation_failed", message, { details: [{ path: ["headers", "if-match"], message }] });
  }
  return Number(match[1]);
}

export const etagHeader = (version: number) => ({ ETag: `"${version}"` });
