import { createClaimEndpoint, listPassageClaimsEndpoint } from "@/lib/claims/claims.endpoints";
import { createClaim } from "@/lib/claims/server/create-claim";
import { listPassageClaims } from "@/lib/claims/server/list-passage-claims";
import { defineRoute } from "@/lib/http/define-route";
import { etagHeader } from "@/lib/http/if-match";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(listPassageClaimsEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listPassageClaims({ actor, passageId: params.passageId, query }) }),
});

export const POST = defineRoute(createClaimEndpoint, {
  handler: async ({ actor, params, body }) => {
    const claim = await createClaim({ actor, passageId: params.passageId, input: body });
    return { status: 201, body: claim, headers: etagHeader(claim.version) };
  },
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
