import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listBlindReviewsEndpoint } from "@/lib/review/review.endpoints";
import { listBlindReviews } from "@/lib/review/server/list-blind-reviews";

export const GET = defineRoute(listBlindReviewsEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listBlindReviews({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
