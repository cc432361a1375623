import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRatingScaleEndpoint, updateRatingScaleEndpoint } from "@/lib/ratings/ratings.endpoints";
import { requiredScaleVersion } from "@/lib/ratings/scale-version";
import { readRatingScale } from "@/lib/ratings/server/read-rating-scale";
import { updateRatingScale } from "@/lib/ratings/server/update-rating-scale";

export const GET = defineRoute(getRatingScaleEndpoint, {
  handler: async ({ actor, params }) => {
    const scale = await readRatingScale({ actor, workspaceId: params.workspaceId });
    return { body: scale, headers: { ETag: `"${scale.version}"` } };
  },
});

export const PUT = defineRoute(updateRatingScaleEndpoint, {
  handler: async ({ actor, params, body, request }) => {
    const version = requiredScaleVersion(request.headers);
    const scale = await updateRatingScale({ actor, workspaceId: params.workspaceId, version, input: body });
    return { body: scale, headers: { ETag: `"${scale.version}"` } };
  },
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
