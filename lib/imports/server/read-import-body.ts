import "server-only";
import { createHash } from "node:crypto";
import { formatBytes } from "@/lib/http/format-bytes";
import { AppError } from "@/lib/http/errors";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { IMPORT_LIMIT_BYTES } from "@/lib/imports/import.schemas";

const ACCEPTED_TYPES = /^(application\/([\w.+-]+\+)?json|application\/x-ndjson|application\/jsonl|application\/x-jsonlines|text\/plain)\b/i;

/** Reads an import file sent as the raw request body (JSONL or JSON), up to the size limit. */
export async function readImportBody(request: Request): Promise<{ body: string; fingerprint: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!ACCEPTED_TYPES.test(contentType)) {
    throw new AppError(
      "unsupported_media_type",
      "Send the file itself as the body: `Content-Type: application/x-ndjson` for a ClaimDesk JSONL export, `application/ld+json` or `application/json` for Web Annotations.",
    );
  }
  const bytes = await readLimitedBody(
    request,
    IMPORT_LIMIT_BYTES,
    `The file is larger than the ${formatBytes(IMPORT_LIMIT_BYTES)} an import takes. Export fewer claims per file (filter by passage or by date with \`since\`) and import them one after another.`,
  );
  let body: string;
  try {
    body = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const message = "The file is not UTF-8 text. Import a ClaimDesk JSONL export or a Web Annotation JSON file.";
    throw new AppError("validation_failed", message, { details: [{ path: ["body"], message }] });
  }
  return { body, fingerprint: createHash("sha256").update(bytes).digest("hex") };
}
