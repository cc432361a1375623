import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { CommentListSchema, CommentSchema, CreateCommentInputSchema, ListCommentsQuerySchema } from "@/lib/comments/comment.schemas";
import {
  ListNotificationsQuerySchema,
  MarkNotificationsReadInputSchema,
  NotificationListSchema,
} from "@/lib/notifications/notification.schemas";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { z } from "zod";

export const registerDiscussionPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/claims/{claimId}/comments",
    tags: ["Discussion"],
    summary: "A claim's comments, oldest first",
    request: { params: ClaimIdParamsSchema, query: ListCommentsQuerySchema },
    responses: {
      200: jsonContent(CommentListSchema, "One page of comments, with the members each one mentions"),
      ...errorResponses("validation_failed", "unauthenticated", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/claims/{claimId}/comments",
    tags: ["Discussion"],
    summary: "Comment on a claim (reviewer and up); @Name or @email mentions notify those members",
    request: { params: ClaimIdParamsSchema, ...jsonBody(CreateCommentInputSchema) },
    responses: {
      201: jsonContent(CommentSchema, "The comment as stored (plain text)"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "gone", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/notifications",
    tags: ["Discussion"],
    summary: "The caller's notifications (mentions and assignments), newest first, with the unread count",
    request: { query: ListNotificationsQuerySchema },
    responses: {
      200: jsonContent(NotificationListSchema, "One page of notifications"),
      ...errorResponses("validation_failed", "unauthenticated"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/notifications/read",
    tags: ["Discussion"],
    summary: "Mark some or all of the caller's notifications read",
    request: jsonBody(MarkNotificationsReadInputSchema),
    responses: {
      200: jsonContent(z.object({ updated: z.int(), unreadCount: z.int() }), "How many were marked, and how many remain unread"),
      ...errorResponses("validation_failed", "unauthenticated", "unsupported_media_type"),
    },
  });
};
