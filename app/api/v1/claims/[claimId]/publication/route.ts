import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { publishClaimEndpoint, withdrawPublicationEndpoint } from "@/lib/publishing/publishing.endpoints";
import { publishClaim } from "@/lib/publishing/server/publish-claim";
import { withdrawPublication } from "@/lib/publishing/server/withdraw-publication";

export const POST = defineRoute(publishClaimEndpoint, {
  handler: async ({ actor, params }) => {
    const { publication, isNew } = await publishClaim({ actor, claimId: params.claimId });
    return { status: isNew ? 201 : 200, body: publication };
  },
});

export const DELETE = defineRoute(withdrawPublicationEndpoint, {
  handler: async ({ actor, params }) => ({ body: await withdrawPublication({ actor, claimId: params.claimId }) }),
});

export const { OPTIONS, GET, PUT, PATCH } = otherMethods({ POST, DELETE });
