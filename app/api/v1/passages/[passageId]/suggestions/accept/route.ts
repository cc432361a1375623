import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { acceptSuggestions } from "@/lib/suggestions/server/accept-suggestions";
import { acceptSuggestionsEndpoint } from "@/lib/suggestions/suggestions.endpoints";

export const POST = defineRoute(acceptSuggestionsEndpoint, {
  handler: async ({ actor, params, body }) => ({
    status: 201,
    body: { items: await acceptSuggestions({ actor, passageId: params.passageId, input: body }) },
  }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
