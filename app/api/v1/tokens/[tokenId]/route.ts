import { defineRoute } from "@/lib/http/define-route";
import { revokeApiToken } from "@/lib/tokens/server/revoke-api-token";
import { ApiTokenIdParamsSchema } from "@/lib/tokens/token.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const DELETE = defineRoute({
  auth: "required",
  params: ApiTokenIdParamsSchema,
  handler: async ({ actor, params }) => {
    await revokeApiToken({ actor, tokenId: params.tokenId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
