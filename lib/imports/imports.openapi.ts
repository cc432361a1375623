import { z } from "zod";
import { ImportReportSchema, IMPORT_LIMIT_BYTES } from "@/lib/imports/import.schemas";
import { errorResponses, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const file = (description: string) => ({ schema: z.string().describe(description) });

export const registerImportPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/imports",
    tags: ["Export"],
    summary: "Import claims from a ClaimDesk JSONL export or W3C Web Annotations (Idempotency-Key honoured)",
    description: `The file is the raw body, at most ${IMPORT_LIMIT_BYTES / (1024 * 1024)} MB. Passages are matched by app link, source URL or identical text, or created from the text a JSONL export carries; claims are re-anchored by their TextQuoteSelector. One transaction. See docs/exports.md.`,
    request: {
      params: WorkspaceIdParamsSchema,
      body: {
        required: true,
        content: {
          "application/x-ndjson": file("A ClaimDesk JSONL export"),
          "application/ld+json": file("An AnnotationCollection, an array of annotations, or one annotation (W3C or Hypothesis)"),
          "application/json": file("The same as application/ld+json, or JSONL"),
        },
      },
    },
    responses: {
      200: jsonContent(ImportReportSchema, "What happened to each item"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "payload_too_large", "unsupported_media_type"),
    },
  });
};
