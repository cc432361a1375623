import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { getClaimHistory } from "@/lib/claims/server/get-claim-history";
import { defineRoute } from "@/lib/http/define-route";

export const GET = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await getClaimHistory({ actor, claimId: params.claimId }) }),
});
