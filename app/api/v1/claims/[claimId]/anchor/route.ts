import { defineRoute } from "@/lib/http/define-route";
import { etagHeader, requiredIfMatchVersion } from "@/lib/http/if-match";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { setClaimAnchorEndpoint } from "@/lib/revisions/revisions.endpoints";
import { setClaimAnchor } from "@/lib/revisions/server/set-claim-anchor";

export const POST = defineRoute(setClaimAnchorEndpoint, {
  handler: async ({ actor, params, body, request }) => {
    const version = requiredIfMatchVersion(request.headers);
    const claim = await setClaimAnchor({ actor, claimId: params.claimId, version, input: body });
    return { body: claim, headers: etagHeader(claim.version) };
  },
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
