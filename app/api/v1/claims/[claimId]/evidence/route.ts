import { addEvidenceEndpoint } from "@/lib/evidence/evidence.endpoints";
import { addEvidence } from "@/lib/evidence/server/add-evidence";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute(addEvidenceEndpoint, {
  handler: async ({ actor, params, body }) => ({ status: 201, body: await addEvidence({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
