import "server-only";
import { createHash } from "node:crypto";
import { parseInput, parseJson } from "@/lib/http/define-route";
import { formatBytes } from "@/lib/http/format-bytes";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { AppError } from "@/lib/http/errors";
import {
  CreatePassageInputSchema,
  ImportPassageUrlInputSchema,
  type ImportPassageUrlInput,
  PASSAGE_TEXT_LIMIT_BYTES,
  UploadPassageFieldsSchema,
  type CreatePassageInput,
  type UploadPassageFields,
} from "@/lib/passages/passage.schemas";

// Caps on the request, a little above the 5 MB of text a passage may hold; HTML shrinks to its text.
export const JSON_LIMIT_BYTES = 6 * 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 15 * 1024 * 1024;

export type PassageFile = { name: string; contentType: string; content: Uint8Array };

/** A passage to import: pasted text (JSON), a file with the same fields (multipart), or a URL to fetch (JSON `{ url }`). */
export type PassageImport =
  | { kind: "text"; input: CreatePassageInput }
  | { kind: "file"; fields: UploadPassageFields; file: PassageFile }
  | { kind: "url"; input: ImportPassageUrlInput };

/**
 * Reads `POST /workspaces/{id}/passages` as JSON or multipart/form-data. The fingerprint names the
 * content, not its encoding, so a retried upload with a new multipart boundary is still the same.
 */
export async function readPassageImport(request: Request): Promise<{ body: PassageImport; fingerprint: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    const raw = new TextDecoder().decode(await readLimited(request, JSON_LIMIT_BYTES));
    const json = parseJson(raw);
    // A body with `url` is an import by URL; every other body is read exactly as pasted text.
    if (json !== null && typeof json === "object" && !Array.isArray(json) && "url" in json) {
      const input = parseInput(ImportPassageUrlInputSchema, json, "body") as ImportPassageUrlInput;
      return { body: { kind: "url", input }, fingerprint: raw };
    }
    const input = parseInput(CreatePassageInputSchema, json, "body") as CreatePassageInput;
    return { body: { kind: "text", input }, fingerprint: raw };
  }
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const bytes = await readLimited(request, UPLOAD_LIMIT_BYTES);
    return readUpload(await readForm(bytes, contentType));
  }
  throw new AppError(
    "unsupported_media_type",
    "Send the passage as JSON (`Content-Type: application/json`) or upload a file as multipart/form-data.",
  );
}

async function readUpload(form: FormData): Promise<{ body: PassageImport; fingerprint: string }> {
  assertFormFields(form, ["file", ...Object.keys(UploadPassageFieldsSchema.shape)]);
  const upload = form.get("file");
  if (!(upload instanceof Blob)) {
    const message = "Attach the file to import as the `file` field.";
    throw new AppError("validation_failed", message, { details: [{ path: ["body", "file"], message }] });
  }
  const rawFields: Record<string, string> = {};
  for (const key of Object.keys(UploadPassageFieldsSchema.shape)) {
    const value = form.get(key);
    // An empty form field means "not given", so a blank title falls back to the document's own.
    if (typeof value === "string" && value.trim() !== "") rawFields[key] = value;
  }
  const fields = parseInput(UploadPassageFieldsSchema, rawFields, "body") as UploadPassageFields;
  const file: PassageFile = {
    name: upload instanceof File ? upload.name : "",
    contentType: upload.type,
    content: new Uint8Array(await upload.arrayBuffer()),
  };
  const contentHash = createHash("sha256").update(file.content).digest("hex");
  const fingerprint = JSON.stringify({ fields: Object.entries(rawFields).sort(), file: [file.name, file.contentType, contentHash] });
  return { body: { kind: "file", fields, file }, fingerprint };
}

/**
 * A form holds only the fields its route reads, each once, as a JSON body holds only known keys: a
 * misspelt field or a second file is refused by name instead of being quietly left out.
 */
export function assertFormFields(form: FormData, allowed: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of form.keys()) {
    const problem = !allowed.includes(name) ? `is not a field of this form (it takes ${allowed.join(", ")})` : seen.has(name) ? "is given more than once" : null;
    if (problem) {
      const message = `The form field “${name}” ${problem}.`;
      throw new AppError("validation_failed", message, { details: [{ path: ["body", name], message }] });
    }
    seen.add(name);
  }
}

export async function readForm(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData> {
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    const message = "The upload is not valid multipart/form-data; send the file as the `file` field of a form.";
    throw new AppError("validation_failed", message, { details: [{ path: ["body"], message }] });
  }
}

export function readLimited(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  return readLimitedBody(
    request,
    limitBytes,
    `The request is larger than ${formatBytes(limitBytes)}. A passage holds at most ${formatBytes(PASSAGE_TEXT_LIMIT_BYTES)} of text; split the document into several passages.`,
  );
}
