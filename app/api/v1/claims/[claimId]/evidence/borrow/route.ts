import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { borrowEvidenceEndpoint } from "@/lib/matching/matching.endpoints";
import { borrowEvidence } from "@/lib/matching/server/borrow-evidence";

export const POST = defineRoute(borrowEvidenceEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await borrowEvidence({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
