import { z } from "zod";
import {
  BulkUpdateClaimsInputSchema,
  BulkUpdateResultSchema,
  ClaimHistorySchema,
  ClaimIdParamsSchema,
  ClaimSchema,
  ClaimSummarySchema,
  CreateClaimInputSchema,
  ListClaimsQuerySchema,
  ListPassageClaimsQuerySchema,
  UpdateClaimInputSchema,
} from "@/lib/claims/claim.schemas";
import { AddEvidenceInputSchema, EvidenceLinkParamsSchema, EvidenceLinkSchema } from "@/lib/evidence/evidence.schemas";
import { pageSchema } from "@/lib/http/pagination";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const IfMatchHeaderSchema = z.object({ "if-match": z.string().describe('The version the change starts from, e.g. "3" (the ETag)') });
const tags = ["Claims"];

export const registerClaimPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/passages/{passageId}/claims",
    tags,
    summary: "A passage's live claims, in text order (all=true: every one in one answer)",
    request: { params: PassageIdParamsSchema, query: ListPassageClaimsQuerySchema },
    responses: {
      200: jsonContent(pageSchema(ClaimSummarySchema), "A page of claims (every claim with all=true; nextCursor is then null)"),
      ...errorResponses("validation_failed", "unauthenticated", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/passages/{passageId}/claims",
    tags,
    summary: "Mark a claim by offsets or by quote (Idempotency-Key honoured)",
    request: { params: PassageIdParamsSchema, ...jsonBody(CreateClaimInputSchema) },
    responses: {
      201: jsonContent(ClaimSchema, "The new draft claim"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/claims",
    tags,
    summary: "A workspace's claims, filtered",
    request: { params: WorkspaceIdParamsSchema, query: ListClaimsQuerySchema },
    responses: { 200: jsonContent(pageSchema(ClaimSummarySchema), "A page of claims"), ...errorResponses("validation_failed", "unauthenticated", "not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/claims/bulk",
    tags,
    summary: "Change the label or state of many claims; each change is versioned and audited on its own",
    request: { params: WorkspaceIdParamsSchema, ...jsonBody(BulkUpdateClaimsInputSchema) },
    responses: { 200: jsonContent(BulkUpdateResultSchema, "One result per claim"), ...errorResponses("validation_failed", "unauthenticated", "not_found") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/claims/{claimId}",
    tags,
    summary: "One claim with its evidence (ETag: its version)",
    request: { params: ClaimIdParamsSchema },
    responses: { 200: jsonContent(ClaimSchema, "The claim"), ...errorResponses("unauthenticated", "not_found", "gone") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/claims/{claimId}",
    tags,
    summary: "Change label, statement, state, assignee or verdict note",
    request: { params: ClaimIdParamsSchema, headers: IfMatchHeaderSchema, ...jsonBody(UpdateClaimInputSchema) },
    responses: {
      200: jsonContent(ClaimSchema, "The claim at its new version"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "gone", "precondition_failed", "precondition_required"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/claims/{claimId}",
    tags,
    summary: "Delete a claim (an editor can restore it for 30 days)",
    request: { params: ClaimIdParamsSchema },
    responses: { 204: { description: "Deleted" }, ...errorResponses("unauthenticated", "forbidden", "not_found", "gone") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/claims/{claimId}/restore",
    tags,
    summary: "Restore a deleted claim",
    request: { params: ClaimIdParamsSchema },
    responses: { 200: jsonContent(ClaimSchema, "The restored claim"), ...errorResponses("unauthenticated", "forbidden", "not_found", "gone") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/claims/{claimId}/history",
    tags,
    summary: "Every change of the claim: actor, time, field, before, after",
    request: { params: ClaimIdParamsSchema },
    responses: { 200: jsonContent(ClaimHistorySchema, "Oldest first"), ...errorResponses("unauthenticated", "not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/claims/{claimId}/evidence",
    tags: ["Evidence"],
    summary: "Link a web source or a span of another passage (Idempotency-Key honoured)",
    request: { params: ClaimIdParamsSchema, ...jsonBody(AddEvidenceInputSchema) },
    responses: {
      201: jsonContent(EvidenceLinkSchema, "The new link"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "gone"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/claims/{claimId}/evidence/{linkId}",
    tags: ["Evidence"],
    summary: "Unlink evidence from a claim",
    request: { params: EvidenceLinkParamsSchema },
    responses: { 204: { description: "Unlinked" }, ...errorResponses("unauthenticated", "forbidden", "not_found", "gone") },
  });
};
