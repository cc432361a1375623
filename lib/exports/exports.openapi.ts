import { z } from "zod";
import { CLAIM_COUNT_HEADER, ExportQuerySchema } from "@/lib/exports/export.schemas";
import { errorResponses, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const download = (description: string) => ({ schema: z.string().describe(description) });

export const registerExportPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/export",
    tags: ["Export"],
    summary: "Download the workspace's claims (default: verified) as JSONL, CSV, ClaimReview or Web Annotation; streamed",
    description:
      "The body streams in batches, so memory does not grow with the number of claims. The same filters over the same data give byte-identical output. See docs/exports.md for every field. Each person runs at most EXPORT_MAX_PER_USER exports at once (429 with Retry-After over that) and the server EXPORT_MAX_CONCURRENT (503 with Retry-After).",
    request: { params: WorkspaceIdParamsSchema, query: ExportQuerySchema },
    responses: {
      200: {
        description: "The file, as an attachment named claimdesk-<workspace>-<filters>-<date>.<ext>",
        headers: z.object({
          [CLAIM_COUNT_HEADER]: z.string().describe("How many claims the file holds (counted when the download starts)"),
          "Content-Disposition": z.string(),
        }),
        content: {
          "application/x-ndjson": download("format=jsonl: a header line, passage lines (with text) and one claim per line"),
          "text/csv": download("format=csv: RFC 4180, UTF-8 with BOM, one row per claim"),
          "application/ld+json": download("format=claimreview: schema.org ClaimReview nodes in @graph; format=webannotation: a W3C AnnotationCollection"),
        },
      },
      ...errorResponses("validation_failed", "unauthenticated", "not_found", "rate_limited", "unavailable"),
    },
  });
};
