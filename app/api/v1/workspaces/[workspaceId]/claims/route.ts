import { listClaimsEndpoint } from "@/lib/claims/claims.endpoints";
import { listClaims } from "@/lib/claims/server/list-claims";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(listClaimsEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listClaims({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
