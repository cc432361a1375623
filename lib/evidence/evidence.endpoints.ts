import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { AddEvidenceInputSchema, EvidenceLinkParamsSchema, EvidenceLinkSchema, RemoveEvidenceQuerySchema } from "@/lib/evidence/evidence.schemas";
import { endpoint, json, noContent } from "@/lib/http/endpoint";

const tags = ["Evidence"];

export const addEvidenceEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/claims/{claimId}/evidence",
  summary: "Link a web source or a span of another passage (Idempotency-Key honoured)",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  body: AddEvidenceInputSchema,
  isIdempotent: true,
  responses: { 201: json(EvidenceLinkSchema, "The new link") },
  errors: ["forbidden", "not_found", "conflict", "gone"],
});

export const removeEvidenceEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/claims/{claimId}/evidence/{linkId}",
  summary: "Unlink evidence from a claim",
  tags,
  auth: "required",
  params: EvidenceLinkParamsSchema,
  query: RemoveEvidenceQuerySchema,
  responses: { 204: noContent("Unlinked") },
  errors: ["forbidden", "not_found", "gone", "conflict"],
});
