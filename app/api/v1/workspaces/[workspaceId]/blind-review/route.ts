import { defineRoute } from "@/lib/http/define-route";
import { ListBlindReviewQuerySchema } from "@/lib/review/blind-review.schemas";
import { listBlindReviews } from "@/lib/review/server/list-blind-reviews";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListBlindReviewQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listBlindReviews({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
