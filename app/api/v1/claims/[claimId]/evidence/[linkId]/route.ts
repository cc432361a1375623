import { removeEvidenceEndpoint } from "@/lib/evidence/evidence.endpoints";
import { removeEvidence } from "@/lib/evidence/server/remove-evidence";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const DELETE = defineRoute(removeEvidenceEndpoint, {
  handler: async ({ actor, params, query }) => {
    await removeEvidence({ actor, claimId: params.claimId, linkId: params.linkId, correctionNote: query.correctionNote });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
