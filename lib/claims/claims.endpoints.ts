import {
  BATCH_CREATE_BODY_LIMIT_BYTES,
  BATCH_CREATE_MAX_CLAIMS,
  BatchCreateClaimsInputSchema,
  BatchCreateReportSchema,
  BulkUpdateClaimsInputSchema,
  BulkUpdateResultSchema,
  ClaimHistorySchema,
  ClaimIdParamsSchema,
  ClaimSchema,
  ClaimSummarySchema,
  CreateClaimInputSchema,
  IfMatchHeaderSchema,
  IfNoneMatchHeaderSchema,
  ListClaimsQuerySchema,
  ListPassageClaimsQuerySchema,
  UpdateClaimInputSchema,
} from "@/lib/claims/claim.schemas";
import { endpoint, json, noContent } from "@/lib/http/endpoint";
import { formatBytes } from "@/lib/http/format-bytes";
import { pageSchema } from "@/lib/http/pagination";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";

const tags = ["Claims"];

export const listPassageClaimsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/passages/{passageId}/claims",
  summary: "A passage's live claims, in text order (all=true: every one in one answer)",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  query: ListPassageClaimsQuerySchema,
  headers: IfNoneMatchHeaderSchema,
  responses: {
    200: json(pageSchema(ClaimSummarySchema), "A page of claims (every claim with all=true; nextCursor is then null). ETag: this answer's version"),
    304: noContent("Not modified: the ETag sent in If-None-Match is still current (for this caller and page)"),
  },
  errors: ["not_found", "gone"],
});

export const createClaimEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/passages/{passageId}/claims",
  summary: "Mark a claim by offsets or by quote (Idempotency-Key honoured)",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: CreateClaimInputSchema,
  isIdempotent: true,
  responses: { 201: json(ClaimSchema, "The new draft claim (ETag: its version)") },
  errors: ["forbidden", "not_found", "conflict", "gone"],
});

export const batchCreateClaimsEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/passages/{passageId}/claims/batch",
  summary: `Mark up to ${BATCH_CREATE_MAX_CLAIMS} claims on one passage in one request (Idempotency-Key honoured)`,
  description: `For scripts. One transaction; each claim is created and audited as by a single create, and the request counts as one write against the rate limit. The body is at most ${formatBytes(BATCH_CREATE_BODY_LIMIT_BYTES)}. A malformed item refuses the whole request (400 naming it); an item that cannot be placed in the passage's text (\`not_anchored\`) or that the caller may not create so (\`refused\`: a label in blind review) is reported with the reason a single create would give, and the others are created.`,
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: BatchCreateClaimsInputSchema,
  isIdempotent: true,
  responses: { 200: json(BatchCreateReportSchema, "What happened to each item, in request order") },
  errors: ["forbidden", "not_found", "gone"],
});

export const listClaimsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/claims",
  summary: "A workspace's claims, filtered",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListClaimsQuerySchema,
  responses: { 200: json(pageSchema(ClaimSummarySchema), "A page of claims") },
  errors: ["not_found"],
});

export const bulkUpdateClaimsEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/claims/bulk",
  summary: "Change the label or state of many claims; each change is versioned and audited on its own",
  description: "A claim that is refused (a stale version, a forbidden move, not in the workspace) is reported in its own result; the others still change.",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: BulkUpdateClaimsInputSchema,
  responses: { 200: json(BulkUpdateResultSchema, "One result per claim") },
  errors: ["not_found"],
});

export const getClaimEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/claims/{claimId}",
  summary: "One claim with its evidence (ETag: its version)",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: { 200: json(ClaimSchema, "The claim") },
  errors: ["not_found", "gone"],
});

export const updateClaimEndpoint = endpoint({
  method: "PATCH",
  path: "/api/v1/claims/{claimId}",
  summary: "Change label, statement, state, assignee, verdict note or duplicate link",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  headers: IfMatchHeaderSchema,
  body: UpdateClaimInputSchema,
  responses: { 200: json(ClaimSchema, "The claim at its new version (ETag: that version)") },
  errors: ["forbidden", "not_found", "conflict", "gone", "precondition_failed", "precondition_required"],
});

export const deleteClaimEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/claims/{claimId}",
  summary: `Delete a claim (an editor can restore it for ${RESTORE_WINDOW_DAYS} days)`,
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: { 204: noContent("Deleted") },
  errors: ["forbidden", "not_found", "gone"],
});

export const restoreClaimEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/claims/{claimId}/restore",
  summary: "Restore a deleted claim",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: { 200: json(ClaimSchema, "The restored claim (also when it was not deleted)") },
  errors: ["forbidden", "not_found", "gone"],
});

export const getClaimHistoryEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/claims/{claimId}/history",
  summary: "Every change of the claim: actor, time, field, before, after",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: { 200: json(ClaimHistorySchema, "Oldest first") },
  errors: ["not_found"],
});
