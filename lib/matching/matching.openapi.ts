import { z } from "zod";
import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import {
  BorrowEvidenceInputSchema,
  BorrowEvidenceResultSchema,
  ClaimMatchesQuerySchema,
  ClaimMatchesSchema,
  DuplicateGroupsQuerySchema,
  DuplicateGroupsSchema,
} from "@/lib/matching/matching.schemas";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Matching"];

export const registerMatchingPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/claims/{claimId}/matches",
    tags,
    summary: "Similar claims of the same workspace, most similar first (mark one a duplicate with PATCH /claims/{claimId} `duplicateOfId`)",
    request: { params: ClaimIdParamsSchema, query: ClaimMatchesQuerySchema },
    description:
      "Similarity is pg_trgm's trigram similarity of the normalized statements, answered from an in-memory index of the workspace that every request first brings up to date. While a large workspace's index loads (a few seconds after the app starts), PostgreSQL's trigram index answers instead, with the same results; the Server-Timing header says which one answered.",
    responses: {
      200: {
        ...jsonContent(ClaimMatchesSchema, "Similar live claims"),
        headers: z.object({ "Server-Timing": z.string().describe('How long matching took and where it looked, e.g. `match;dur=4.2;desc="in-memory trigram index"`') }),
      },
      ...errorResponses("validation_failed", "unauthenticated", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/claims/{claimId}/evidence/borrow",
    tags,
    summary: "Link the evidence of a verified claim of the same workspace to this claim; evidence already linked is skipped",
    request: { params: ClaimIdParamsSchema, ...jsonBody(BorrowEvidenceInputSchema) },
    responses: {
      200: jsonContent(BorrowEvidenceResultSchema, "The links added"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "gone"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/duplicates",
    tags,
    summary: "Groups of near-identical claims (statements at least 80% similar, or linked as duplicates)",
    request: { params: WorkspaceIdParamsSchema, query: DuplicateGroupsQuerySchema },
    responses: { 200: jsonContent(DuplicateGroupsSchema, "Largest groups first"), ...errorResponses("validation_failed", "unauthenticated", "not_found") },
  });
};
