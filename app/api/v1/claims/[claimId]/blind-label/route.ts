import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { defineRoute } from "@/lib/http/define-route";
import { SubmitBlindLabelInputSchema } from "@/lib/review/blind-review.schemas";
import { getBlindLabels, submitBlindLabel } from "@/lib/review/server/blind-labels";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await getBlindLabels({ actor, claimId: params.claimId }) }),
});

export const PUT = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  body: SubmitBlindLabelInputSchema,
  handler: async ({ actor, params, body }) => ({ body: await submitBlindLabel({ actor, claimId: params.claimId, input: body }) }),
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
