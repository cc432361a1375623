import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { endpoint, json } from "@/lib/http/endpoint";
import {
  BorrowEvidenceInputSchema,
  BorrowEvidenceResultSchema,
  ClaimMatchesQuerySchema,
  ClaimMatchesSchema,
  DuplicateGroupsQuerySchema,
  DuplicateGroupsSchema,
} from "@/lib/matching/matching.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Matching"];

const SERVER_TIMING =
  'The `Server-Timing` header says how long matching took and where it looked, e.g. `match;dur=4.2;desc="in-memory trigram index"`.';

export const listClaimMatchesEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/claims/{claimId}/matches",
  summary: "Similar claims of the same workspace, most similar first (mark one a duplicate with PATCH /claims/{claimId} `duplicateOfId`)",
  description: `Similarity is pg_trgm's trigram similarity of the normalized statements, answered from an in-memory index of the workspace that every request first brings up to date. While a large workspace's index loads (a few seconds after the app starts), PostgreSQL's trigram index answers instead, with the same results. ${SERVER_TIMING}`,
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  query: ClaimMatchesQuerySchema,
  responses: { 200: json(ClaimMatchesSchema, "Similar live claims") },
  errors: ["not_found", "gone"],
});

export const borrowEvidenceEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/claims/{claimId}/evidence/borrow",
  summary: "Link the evidence of a verified claim of the same workspace to this claim; evidence already linked is skipped",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  body: BorrowEvidenceInputSchema,
  isIdempotent: true,
  responses: { 200: json(BorrowEvidenceResultSchema, "The links added") },
  errors: ["not_found", "conflict", "gone"],
});

export const listDuplicateGroupsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/duplicates",
  summary: "Groups of near-identical claims (statements at least 80% similar, or linked as duplicates)",
  description: SERVER_TIMING,
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: DuplicateGroupsQuerySchema,
  responses: { 200: json(DuplicateGroupsSchema, "Largest groups first") },
  errors: ["not_found"],
});
