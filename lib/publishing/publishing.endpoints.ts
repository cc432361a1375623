import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { endpoint, json } from "@/lib/http/endpoint";
import { PublicationSchema } from "@/lib/publishing/publishing.schemas";

const tags = ["Publishing"];

export const publishClaimEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/claims/{claimId}/publication",
  summary: "Publish a verified claim as a public fact-check page (editors and owners); again after a withdrawal republishes it",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: {
    201: json(PublicationSchema, "Published for the first time"),
    200: json(PublicationSchema, "Already published, or republished after a withdrawal"),
  },
  errors: ["forbidden", "not_found", "conflict", "gone"],
});

export const withdrawPublicationEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/claims/{claimId}/publication",
  summary: "Withdraw a published fact-check: its page then answers 410 saying when (editors and owners)",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: { 200: json(PublicationSchema, "The withdrawn publication") },
  errors: ["forbidden", "not_found", "conflict", "gone"],
});
