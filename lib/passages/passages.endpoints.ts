import { z } from "zod";
import { endpoint, json, noContent } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/pagination";
import { text } from "@/lib/http/text.schemas";
import { JobSchema } from "@/lib/jobs/job.schemas";
import {
  ACCEPTED_PASSAGE_FILES,
  CreatePassageBodySchema,
  ListPassagesQuerySchema,
  PassageIdParamsSchema,
  PassageSchema,
  PassageSummarySchema,
  UpdatePassageInputSchema,
  UploadPassageFieldsSchema,
} from "@/lib/passages/passage.schemas";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Passages"];

/** The multipart form of an upload, for the document: the JSON fields with the text taken from `file`. */
const UploadPassageInputSchema = UploadPassageFieldsSchema.extend({
  file: text().meta({
    format: "binary",
    description: `A ${ACCEPTED_PASSAGE_FILES} file; HTML is reduced to its readable text. The title defaults to the page title or the file name.`,
  }),
}).meta({ id: "UploadPassageInput" });

const IdempotencyHeadersSchema = z.object({
  "idempotency-key": text().max(255).optional().describe("A retry with the same key and body returns the first response"),
});

export const listPassagesEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/passages",
  summary: "A workspace's passages, newest first, without their text",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListPassagesQuerySchema,
  responses: { 200: json(pageSchema(PassageSummarySchema), "A page of passages") },
  errors: ["not_found"],
});

export const createPassageEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/passages",
  summary: "Import a passage from pasted text (JSON), an uploaded file (multipart) or a web address (JSON `{ url }`); reviewer or higher",
  description:
    "The text is stored normalized (Unicode NFC, \\n line ends), at most 5 MB of UTF-8. The same text twice in a workspace is a 409 whose `details.existingPassage` links to the first. " +
    "With `{ url }` the server fetches the page (public addresses only: 400 `url_not_allowed` otherwise), keeps a snapshot, and reads its article and metadata in a background job: 201 with the passage when the job finishes within a few seconds, else 202 with the job to follow (`GET …/jobs`). A URL a passage of the workspace already came from is a 409 naming it.",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreatePassageBodySchema,
  upload: { contentType: "multipart/form-data", schema: UploadPassageInputSchema },
  headers: IdempotencyHeadersSchema,
  isIdempotent: true,
  responses: {
    201: json(PassageSchema, "The new passage"),
    202: json(z.object({ job: JobSchema }).meta({ id: "QueuedImport" }), "Import by URL still running: the job to follow"),
  },
  errors: ["not_found", "conflict", "url_not_allowed", "fetch_failed", "payload_too_large", "unsupported_media_type"],
});

export const getPassageEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/passages/{passageId}",
  summary: "One passage with its text",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  responses: { 200: json(PassageSchema, "The passage") },
  errors: ["not_found", "gone"],
});

export const updatePassageEndpoint = endpoint({
  method: "PATCH",
  path: "/api/v1/passages/{passageId}",
  summary: "Change a passage's title or metadata (the text changes only by a new revision); editor or higher",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: UpdatePassageInputSchema,
  responses: { 200: json(PassageSchema, "The changed passage") },
  errors: ["not_found", "gone"],
});

export const deletePassageEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/passages/{passageId}",
  summary: `Delete a passage; an editor can restore it for ${RESTORE_WINDOW_DAYS} days`,
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  responses: { 204: noContent("Deleted") },
  errors: ["not_found", "gone"],
});

export const restorePassageEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/passages/{passageId}/restore",
  summary: `Restore a passage deleted less than ${RESTORE_WINDOW_DAYS} days ago; editor or higher`,
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  responses: { 200: json(PassageSchema, "The restored passage") },
  errors: ["not_found", "conflict", "gone"],
});
