import { getClaimHistoryEndpoint } from "@/lib/claims/claims.endpoints";
import { getClaimHistory } from "@/lib/claims/server/get-claim-history";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(getClaimHistoryEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getClaimHistory({ actor, claimId: params.claimId }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
