import { bulkUpdateClaimsEndpoint } from "@/lib/claims/claims.endpoints";
import { bulkUpdateClaims } from "@/lib/claims/server/bulk-update-claims";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute(bulkUpdateClaimsEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await bulkUpdateClaims({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
