import "server-only";
import { createHash } from "node:crypto";
import { parseInput, parseJson } from "@/lib/http/define-route";
import { AppError } from "@/lib/http/errors";
import { JSON_LIMIT_BYTES, readForm, readLimited, UPLOAD_LIMIT_BYTES, type PassageFile } from "@/lib/passages/server/read-passage-import";
import {
  CreateRevisionInputSchema,
  UploadRevisionFieldsSchema,
  type CreateRevisionInput,
  type UploadRevisionFields,
} from "@/lib/revisions/revision.schemas";

/** A new revision: pasted text (JSON), or a file read as a passage import reads it (multipart). */
export type RevisionSource = { kind: "text"; input: CreateRevisionInput } | { kind: "file"; fields: UploadRevisionFields; file: PassageFile };

/** Reads `POST /passages/{id}/revisions` as JSON or multipart/form-data, with the limits of an import. */
export async function readRevisionInput(request: Request): Promise<{ body: RevisionSource; fingerprint: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    const raw = new TextDecoder().decode(await readLimited(request, JSON_LIMIT_BYTES));
    const input = parseInput(CreateRevisionInputSchema, parseJson(raw), "body") as CreateRevisionInput;
    return { body: { kind: "text", input }, fingerprint: raw };
  }
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const form = await readForm(await readLimited(request, UPLOAD_LIMIT_BYTES), contentType);
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
  throw new AppError("unsupported_media_type", "Send the new text as JSON (`Content-Type: application/json`) or upload a file as multipart/form-data.");
}
