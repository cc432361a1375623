import { CLAIM_COUNT_HEADER, ExportQuerySchema } from "@/lib/exports/export.schemas";
import { endpoint, file } from "@/lib/http/endpoint";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

/** The media types of the four formats: JSONL, CSV, and JSON-LD for ClaimReview and Web Annotation. */
const EXPORT_CONTENT_TYPES = ["application/x-ndjson", "text/csv", "application/ld+json"] as const;

export const exportClaimsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/export",
  summary: "Download the workspace's claims (default: verified) as JSONL, CSV, ClaimReview or Web Annotation; streamed",
  description: `The body streams in batches, so memory does not grow with the number of claims. The same filters over the same data give byte-identical output. The \`${CLAIM_COUNT_HEADER}\` header says how many claims the file holds (counted when the download starts). See docs/exports.md for every field. Each person runs at most EXPORT_MAX_PER_USER exports at once (429 with Retry-After over that) and the server EXPORT_MAX_CONCURRENT (503 with Retry-After).`,
  tags: ["Export"],
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ExportQuerySchema,
  responses: {
    200: file(
      EXPORT_CONTENT_TYPES,
      "The file, as an attachment named claimdesk-<workspace>-<filters>-<date>.<ext>: format=jsonl a header line, passage lines (with text) and one claim per line; format=csv RFC 4180, UTF-8 with BOM, one row per claim; format=claimreview schema.org ClaimReview nodes in @graph; format=webannotation a W3C AnnotationCollection",
    ),
  },
  errors: ["not_found", "rate_limited"],
});
