import "server-only";
import { createHash } from "node:crypto";
import { parseInput, parseJson } from "@/lib/http/define-route";
import { AppError } from "@/lib/http/errors";
import { assertFormFields, JSON_LIMIT_BYTES, readForm, readLimited, UPLOAD_LIMIT_BYTES, type PassageFile } from "@/lib/passages/server/read-passage-import";
import {
  CreateRevisionFromUrlInputSchema,
  CreateRevisionInputSchema,
  type CreateRevisionFromUrlInput,
  UploadRevisionFieldsSchema,
  type CreateRevisionInput,
  type UploadRevisionFields,
} from "@/lib/revisions/revision.schemas";

/** A new revision: pasted text (JSON), a web address to fetch it from (JSON `{ url }`), or a file read as a passage import reads it (multipart). */
export type RevisionSource =
  | { kind: "text"; input: CreateRevisionInput }
  | { kind: "url"; input: CreateRevisionFromUrlInput }
  | { kind: "file"; fields: UploadRevisionFields; file: PassageFile };

/** Reads `POST /passages/{id}/revisions` as JSON or multipart/form-data, with the limits of an import. */
export async function readRevisionInput(request: Request): Promise<{ body: RevisionSource; fingerprint: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    const raw = new TextDecoder().decode(await readLimited(request, JSON_LIMIT_BYTES));
    const json = parseJson(raw);
    // A body with `url` asks for the page to be fetched; every other body is read as the new text.
    if (json !== null && typeof json === "object" && !Array.isArray(json) && "url" in json) {
      const input = parseInput(CreateRevisionFromUrlInputSchema, json, "body") as CreateRevisionFromUrlInput;
      return { body: { kind: "url", input }, fingerprint: raw };
    }
    const input = parseInput(CreateRevisionInputSchema, json, "body") as CreateRevisionInput;
    return { body: { kind: "text", input }, fingerprint: raw };
  }
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const form = await readForm(await readLimited(request, UPLOAD_LIMIT_BYTES), contentType);
    assertFormFields(form, ["file", "note"]);
    const upload = form.get("file");
    if (!(upload instanceof Blob)) {
      const message = "Attach the new text as the `file` field.";
      throw new AppError("validation_failed", message, { details: [{ path: ["body", "file"], message }] });
    }
    const note = form.get("note");
    const rawFields = typeof note === "string" && note.trim() !== "" ? { note } : {};
    const fields = parseInput(UploadRevisionFieldsSchema, rawFields, "body") as UploadRevisionFields;
    const file: PassageFile = { name: upload instanceof File ? upload.name : "", contentType: upload.type, content: new Uint8Array(await upload.arrayBuffer()) };
    const contentHash = createHash("sha256").update(file.content).digest("hex");
    return { body: { kind: "file", fields, file }, fingerprint: JSON.stringify({ fields: rawFields, file: [file.name, file.contentType, contentHash] }) };
  }
  throw new AppError("unsupported_media_type", "Send the new text as JSON (`Content-Type: application/json`), a web address to fetch it from as JSON `{ url }`, or upload a file as multipart/form-data.");
}
