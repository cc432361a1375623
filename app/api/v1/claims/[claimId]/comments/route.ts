import { createCommentEndpoint, listCommentsEndpoint } from "@/lib/comments/comments.endpoints";
import { createComment } from "@/lib/comments/server/create-comment";
import { listComments } from "@/lib/comments/server/list-comments";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(listCommentsEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listComments({ actor, claimId: params.claimId, query }) }),
});

export const POST = defineRoute(createCommentEndpoint, {
  handler: async ({ actor, params, body }) => ({ status: 201, body: await createComment({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
