import { z } from "zod";
import { endpoint, json, noContent } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/pagination";
import { text } from "@/lib/http/text.schemas";
import {
  ACCEPTED_PASSAGE_FILES,
  CreatePassageInputSchema,
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
  summary: "Import a passage from pasted text (JSON) or an uploaded file (multipart); reviewer or higher",
  description:
    "The text is stored normalized (Unicode NFC, \\n line ends), at most 5 MB of UTF-8. The same text twice in a workspace is a 409 whose `details.existingPassage` links to the first.",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreatePassageInputSchema,
  upload: { contentType: "multipart/form-data", schema: UploadPassageInputSchema },
  headers: IdempotencyHeadersSchema,
  isIdempotent: true,
  responses: { 201: json(PassageSchema, "The new passage") },
  errors: ["not_found", "conflict"],
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
