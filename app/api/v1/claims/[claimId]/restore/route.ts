import { restoreClaimEndpoint } from "@/lib/claims/claims.endpoints";
import { restoreClaim } from "@/lib/claims/server/restore-claim";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute(restoreClaimEndpoint, {
  handler: async ({ actor, params }) => ({ body: await restoreClaim({ actor, claimId: params.claimId }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
