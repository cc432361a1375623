import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { getClaimHistory } from "@/lib/claims/server/get-claim-history";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await getClaimHistory({ actor, claimId: params.claimId }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
