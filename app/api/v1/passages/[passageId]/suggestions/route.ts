import { defineRoute } from "@/lib/http/define-route";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { listSuggestions } from "@/lib/suggestions/server/list-suggestions";
import { ListSuggestionsQuerySchema } from "@/lib/suggestions/suggestion.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: PassageIdParamsSchema,
  query: ListSuggestionsQuerySchema,
  handler: async ({ actor, params, query }) => ({
    body: { items: await listSuggestions({ actor, passageId: params.passageId, minScore: query.minScore }) },
  }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
