import { AgreementReportSchema } from "@/lib/agreement/agreement.schemas";
import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { LiveEventsQuerySchema } from "@/lib/live/live.schemas";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { BlindLabelsSchema, BlindReviewListSchema, ListBlindReviewQuerySchema, SubmitBlindLabelInputSchema } from "@/lib/review/blind-review.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { z } from "zod";

const tags = ["Team"];

export const registerTeamPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/events",
    tags,
    summary: "Live changes of a workspace, and who views a passage, as Server-Sent Events",
    description:
      'Each `data:` line is JSON: `{ type: "change", workspaceId, actorId, claimIds, actions }` after every committed change (claimIds null: refetch everything), and with `passageId` `{ type: "presence", passageId, viewers }`.',
    request: { params: WorkspaceIdParamsSchema, query: LiveEventsQuerySchema },
    responses: {
      200: { description: "An open event stream", content: { "text/event-stream": { schema: z.string() } } },
      ...errorResponses("validation_failed", "unauthenticated", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/claims/{claimId}/blind-label",
    tags,
    summary: "Blind double review votes on a claim: your own, and everyone's for editors",
    request: { params: ClaimIdParamsSchema },
    responses: { 200: jsonContent(BlindLabelsSchema, "The votes you may see"), ...errorResponses("unauthenticated", "not_found", "gone") },
  });
  registry.registerPath({
    method: "put",
    path: "/api/v1/claims/{claimId}/blind-label",
    tags,
    summary: "Cast or change your independent label (reviewers, in blind double review workspaces)",
    request: { params: ClaimIdParamsSchema, ...jsonBody(SubmitBlindLabelInputSchema) },
    responses: {
      200: jsonContent(BlindLabelsSchema, "The votes you may see, with yours"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "gone", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/blind-review",
    tags,
    summary: "Claims with blind votes, disagreements first (editors)",
    request: { params: WorkspaceIdParamsSchema, query: ListBlindReviewQuerySchema },
    responses: {
      200: jsonContent(BlindReviewListSchema, "Up to 500 claims with their votes"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/agreement",
    tags,
    summary: "Agreement between reviewers: Krippendorff's alpha and Cohen's kappa (editors)",
    request: { params: WorkspaceIdParamsSchema },
    responses: {
      200: jsonContent(AgreementReportSchema, "Alpha for the workspace and each passage; kappa and a confusion matrix per pair"),
      ...errorResponses("unauthenticated", "forbidden", "not_found"),
    },
  });
};
