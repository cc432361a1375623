import { defineRoute } from "@/lib/http/define-route";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { dismissSuggestion } from "@/lib/suggestions/server/dismiss-suggestion";
import { DismissSuggestionInputSchema } from "@/lib/suggestions/suggestion.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: PassageIdParamsSchema,
  body: DismissSuggestionInputSchema,
  handler: async ({ actor, params, body }) => {
    const { dismissal, isNew } = await dismissSuggestion({ actor, passageId: params.passageId, input: body });
    return { status: isNew ? 201 : 200, body: dismissal };
  },
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
