import { ClaimIdParamsSchema } from "@/lib/claims/claim.schemas";
import { defineRoute } from "@/lib/http/define-route";
import { ClaimMatchesQuerySchema } from "@/lib/matching/matching.schemas";
import { findClaimMatches } from "@/lib/matching/server/find-claim-matches";
import { matchServerTiming } from "@/lib/matching/server/workspace-trigram-index";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: ClaimIdParamsSchema,
  query: ClaimMatchesQuerySchema,
  handler: async ({ actor, params, query }) => {
    const started = performance.now();
    const { matches, source } = await findClaimMatches({ actor, claimId: params.claimId, query });
    return { body: matches, headers: { "Server-Timing": matchServerTiming(source, performance.now() - started) } };
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
