import { BATCH_CREATE_BODY_LIMIT_BYTES } from "@/lib/claims/claim.schemas";
import { batchCreateClaimsEndpoint } from "@/lib/claims/claims.endpoints";
import { batchCreateClaims } from "@/lib/claims/server/batch-create-claims";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute(batchCreateClaimsEndpoint, {
  bodyLimitBytes: BATCH_CREATE_BODY_LIMIT_BYTES,
  handler: async ({ actor, params, body }) => ({ body: await batchCreateClaims({ actor, passageId: params.passageId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
