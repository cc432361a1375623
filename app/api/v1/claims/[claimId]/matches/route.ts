import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { defineRoute } from "@/lib/http/define-route";
import { ClaimMatchesQuerySchema } from "@/lib/matching/matching.schemas";
import { findClaimMatches } from "@/lib/matching/server/find-claim-matches";

export const GET = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  query: ClaimMatchesQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await findClaimMatches({ actor, claimId: params.claimId, query }) }),
});
