import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { dismissSuggestion } from "@/lib/suggestions/server/dismiss-suggestion";
import { dismissSuggestionEndpoint } from "@/lib/suggestions/suggestions.endpoints";

export const POST = defineRoute(dismissSuggestionEndpoint, {
  handler: async ({ actor, params, body }) => {
    const { dismissal, isNew } = await dismissSuggestion({ actor, passageId: params.passageId, input: body });
    return { status: isNew ? 201 : 200, body: dismissal };
  },
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
