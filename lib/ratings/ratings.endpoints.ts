import { endpoint, json } from "@/lib/http/endpoint";
import { RatingScaleIfMatchHeaderSchema, RatingScaleSchema, UpdateRatingScaleInputSchema } from "@/lib/ratings/rating.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Rating scale"];

export const getRatingScaleEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/rating-scale",
  summary: "The workspace's rating scale: the verdicts claims can be given, in order (any member)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  responses: { 200: json(RatingScaleSchema, "The scale (ETag: its version)") },
  errors: ["not_found"],
});

export const updateRatingScaleEndpoint = endpoint({
  method: "PUT",
  path: "/api/v1/workspaces/{workspaceId}/rating-scale",
  summary: "Replace the rating scale: add, rename, reorder, value, describe, retire or remove ratings (owners)",
  description:
    "Send the whole scale in order, with the version you read as If-Match. A rating left out is removed; one that claims use cannot be (409 naming it and how many claims use it): retire it instead.",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  headers: RatingScaleIfMatchHeaderSchema,
  body: UpdateRatingScaleInputSchema,
  responses: { 200: json(RatingScaleSchema, "The scale as changed (ETag: its new version)") },
  errors: ["forbidden", "not_found", "conflict", "precondition_failed", "precondition_required"],
});
