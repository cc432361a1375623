import { AgreementReportSchema } from "@/lib/agreement/agreement.schemas";
import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { endpoint, json } from "@/lib/http/endpoint";
import { BlindLabelsSchema, BlindReviewListSchema, ListBlindReviewQuerySchema, SubmitBlindLabelInputSchema } from "@/lib/review/blind-review.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Team"];

export const getBlindLabelsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/claims/{claimId}/blind-label",
  summary: "Blind double review votes on a claim: your own, and everyone's for editors",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  responses: { 200: json(BlindLabelsSchema, "The votes you may see") },
  errors: ["not_found", "gone"],
});

export const submitBlindLabelEndpoint = endpoint({
  method: "PUT",
  path: "/api/v1/claims/{claimId}/blind-label",
  summary: "Cast or change your independent label (reviewers, in blind double review workspaces)",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  body: SubmitBlindLabelInputSchema,
  responses: { 200: json(BlindLabelsSchema, "The votes you may see, with yours") },
  errors: ["not_found", "conflict", "gone"],
});

export const listBlindReviewsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/blind-review",
  summary: "Claims with blind votes, disagreements first (editors)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListBlindReviewQuerySchema,
  responses: { 200: json(BlindReviewListSchema, "Up to 500 claims with their votes") },
  errors: ["forbidden", "not_found"],
});

export const getAgreementEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/agreement",
  summary: "Agreement between reviewers: Krippendorff's alpha and Cohen's kappa (editors)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  responses: { 200: json(AgreementReportSchema, "Alpha for the workspace and each passage; kappa and a confusion matrix per pair") },
  errors: ["forbidden", "not_found"],
});
