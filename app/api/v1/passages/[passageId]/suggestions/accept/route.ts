import { defineRoute } from "@/lib/http/define-route";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { acceptSuggestions } from "@/lib/suggestions/server/accept-suggestions";
import { AcceptSuggestionsInputSchema } from "@/lib/suggestions/suggestion.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: PassageIdParamsSchema,
  body: AcceptSuggestionsInputSchema,
  isIdempotent: true,
  handler: async ({ actor, params, body }) => ({
    status: 201,
    body: { items: await acceptSuggestions({ actor, passageId: params.passageId, input: body }) },
  }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
