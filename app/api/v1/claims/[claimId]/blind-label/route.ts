import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getBlindLabelsEndpoint, submitBlindLabelEndpoint } from "@/lib/review/review.endpoints";
import { getBlindLabels, submitBlindLabel } from "@/lib/review/server/blind-labels";

export const GET = defineRoute(getBlindLabelsEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getBlindLabels({ actor, claimId: params.claimId }) }),
});

export const PUT = defineRoute(submitBlindLabelEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await submitBlindLabel({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
