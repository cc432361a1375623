import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { revokeApiToken } from "@/lib/tokens/server/revoke-api-token";
import { revokeApiTokenEndpoint } from "@/lib/tokens/tokens.endpoints";

export const DELETE = defineRoute(revokeApiTokenEndpoint, {
  handler: async ({ actor, params }) => {
    await revokeApiToken({ actor, tokenId: params.tokenId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
