import { endpoint, json } from "@/lib/http/endpoint";
import { text } from "@/lib/http/text.schemas";
import { IMPORT_CONTENT_TYPES, IMPORT_LIMIT_BYTES, ImportReportSchema } from "@/lib/imports/import.schemas";
import { formatBytes } from "@/lib/http/format-bytes";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const importClaimsEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/imports",
  summary: "Import claims from a ClaimDesk JSONL export or W3C Web Annotations (Idempotency-Key honoured)",
  description: `The file is the raw body, at most ${formatBytes(IMPORT_LIMIT_BYTES)}: \`application/x-ndjson\` for a ClaimDesk JSONL export; \`application/ld+json\` or \`application/json\` for an AnnotationCollection, an array of annotations, or one annotation (W3C or Hypothesis). Passages are matched by app link, source URL or identical text, or created from the text a JSONL export carries; claims are re-anchored by their TextQuoteSelector. One transaction. See docs/exports.md.`,
  tags: ["Export"],
  auth: "required",
  params: WorkspaceIdParamsSchema,
  upload: { contentType: IMPORT_CONTENT_TYPES, schema: text().meta({ format: "binary", description: "The file, as it was exported" }) },
  isIdempotent: true,
  responses: { 200: json(ImportReportSchema, "What happened to each item") },
  errors: ["not_found", "unsupported_media_type"],
});
