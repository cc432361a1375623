import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listClaimMatchesEndpoint } from "@/lib/matching/matching.endpoints";
import { findClaimMatches } from "@/lib/matching/server/find-claim-matches";
import { matchServerTiming } from "@/lib/matching/server/workspace-trigram-index";

export const GET = defineRoute(listClaimMatchesEndpoint, {
  handler: async ({ actor, params, query }) => {
    const started = performance.now();
    const { matches, source } = await findClaimMatches({ actor, claimId: params.claimId, query });
    return { body: matches, headers: { "Server-Timing": matchServerTiming(source, performance.now() - started) } };
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
