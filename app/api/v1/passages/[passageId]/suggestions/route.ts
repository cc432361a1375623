import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listSuggestions } from "@/lib/suggestions/server/list-suggestions";
import { listSuggestionsEndpoint } from "@/lib/suggestions/suggestions.endpoints";

export const GET = defineRoute(listSuggestionsEndpoint, {
  handler: async ({ actor, params, query }) => ({
    body: { items: await listSuggestions({ actor, passageId: params.passageId, minScore: query.minScore }) },
  }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
