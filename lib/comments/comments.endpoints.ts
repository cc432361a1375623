import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { CommentListSchema, CommentSchema, CreateCommentInputSchema, ListCommentsQuerySchema } from "@/lib/comments/comment.schemas";
import { endpoint, json } from "@/lib/http/endpoint";

const tags = ["Discussion"];

export const listCommentsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/claims/{claimId}/comments",
  summary: "A claim's comments, oldest first",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  query: ListCommentsQuerySchema,
  responses: { 200: json(CommentListSchema, "One page of comments, with the members each one mentions") },
  errors: ["not_found", "gone"],
});

export const createCommentEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/claims/{claimId}/comments",
  summary: "Comment on a claim (reviewer and up); @Name or @email mentions notify those members",
  tags,
  auth: "required",
  params: ClaimIdParamsSchema,
  body: CreateCommentInputSchema,
  isIdempotent: true,
  responses: { 201: json(CommentSchema, "The comment as stored (plain text)") },
  errors: ["not_found", "gone"],
});
