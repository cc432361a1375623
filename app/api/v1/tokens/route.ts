import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createApiToken } from "@/lib/tokens/server/create-api-token";
import { listApiTokens } from "@/lib/tokens/server/list-api-tokens";
import { createApiTokenEndpoint, listApiTokensEndpoint } from "@/lib/tokens/tokens.endpoints";

export const GET = defineRoute(listApiTokensEndpoint, {
  handler: async ({ actor }) => ({ body: await listApiTokens({ actor }) }),
});

export const POST = defineRoute(createApiTokenEndpoint, {
  handler: async ({ actor, body }) => ({ status: 201, body: await createApiToken({ actor, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
