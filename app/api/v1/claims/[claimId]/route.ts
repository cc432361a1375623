import { deleteClaimEndpoint, getClaimEndpoint, updateClaimEndpoint } from "@/lib/claims/claims.endpoints";
import { deleteClaim } from "@/lib/claims/server/delete-claim";
import { readClaimJson } from "@/lib/claims/server/read-claim-json";
import { updateClaim } from "@/lib/claims/server/update-claim";
import { defineRoute } from "@/lib/http/define-route";
import { etagHeader, requiredIfMatchVersion } from "@/lib/http/if-match";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute(getClaimEndpoint, {
  handler: async ({ actor, params }) => {
    const claim = await readClaimJson({ actor, claimId: params.claimId });
    return { json: claim.json, headers: etagHeader(claim.version) };
  },
});

export const PATCH = defineRoute(updateClaimEndpoint, {
  handler: async ({ actor, params, body, request }) => {
    const version = requiredIfMatchVersion(request.headers);
    const claim = await updateClaim({ actor, claimId: params.claimId, version, input: body });
    return { body: claim, headers: etagHeader(claim.version) };
  },
});

export const DELETE = defineRoute(deleteClaimEndpoint, {
  handler: async ({ actor, params }) => {
    await deleteClaim({ actor, claimId: params.claimId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
