import { z } from "zod";
import { pageSchema } from "@/lib/http/pagination";
import { ErrorBodySchema } from "@/lib/http/errors";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
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
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const UploadPassageInputSchema = UploadPassageFieldsSchema.extend({
  file: z.string().meta({
    format: "binary",
    description: `A ${ACCEPTED_PASSAGE_FILES} file; HTML is reduced to its readable text. The title defaults to the page title or the file name.`,
  }),
}).meta({ id: "UploadPassageInput" });

const IdempotencyHeadersSchema = z.object({
  "idempotency-key": z.string().max(255).optional().describe("A retry with the same key and body returns the first response"),
});

export const registerPassagePaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/passages",
    tags: ["Passages"],
    summary: "A workspace's passages, newest first, without their text",
    request: { params: WorkspaceIdParamsSchema, query: ListPassagesQuerySchema },
    responses: {
      200: jsonContent(pageSchema(PassageSummarySchema), "A page of passages"),
      ...errorResponses("validation_failed", "unauthenticated", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/passages",
    tags: ["Passages"],
    summary: "Import a passage from pasted text (JSON) or an uploaded file (multipart); reviewer or higher",
    description:
      "The text is stored normalized (Unicode NFC, \\n line ends), at most 5 MB of UTF-8. The same text twice in a workspace is a 409 whose `details.existingPassage` links to the first.",
    request: {
      params: WorkspaceIdParamsSchema,
      headers: IdempotencyHeadersSchema,
      body: {
        required: true,
        content: {
          "application/json": { schema: CreatePassageInputSchema },
          "multipart/form-data": { schema: UploadPassageInputSchema },
        },
      },
    },
    responses: {
      201: jsonContent(PassageSchema, "The new passage"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "payload_too_large"),
      415: jsonContent(ErrorBodySchema, `Neither JSON nor multipart, or a file that is not ${ACCEPTED_PASSAGE_FILES}`),
      422: jsonContent(ErrorBodySchema, "The Idempotency-Key was already used with a different body"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/passages/{passageId}",
    tags: ["Passages"],
    summary: "One passage with its text",
    request: { params: PassageIdParamsSchema },
    responses: {
      200: jsonContent(PassageSchema, "The passage"),
      ...errorResponses("unauthenticated", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/passages/{passageId}",
    tags: ["Passages"],
    summary: "Change a passage's title or metadata (the text never changes); editor or higher",
    request: { params: PassageIdParamsSchema, ...jsonBody(UpdatePassageInputSchema) },
    responses: {
      200: jsonContent(PassageSchema, "The changed passage"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "gone", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/passages/{passageId}",
    tags: ["Passages"],
    summary: "Delete a passage; an editor can restore it for 30 days",
    request: { params: PassageIdParamsSchema },
    responses: {
      204: { description: "Deleted" },
      ...errorResponses("unauthenticated", "forbidden", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/passages/{passageId}/restore",
    tags: ["Passages"],
    summary: "Restore a passage deleted less than 30 days ago; editor or higher",
    request: { params: PassageIdParamsSchema },
    responses: {
      200: jsonContent(PassageSchema, "The restored passage"),
      ...errorResponses("unauthenticated", "forbidden", "not_found", "conflict", "gone"),
    },
  });
};
