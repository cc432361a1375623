import { z } from "zod";
import { ClaimSchema } from "@/lib/claims/claim.schemas";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import {
  AcceptSuggestionsInputSchema,
  DismissSuggestionInputSchema,
  ListSuggestionsQuerySchema,
  SuggestionDismissalSchema,
  SuggestionSchema,
} from "@/lib/suggestions/suggestion.schemas";

const tags = ["Suggestions"];

export const registerSuggestionPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/passages/{passageId}/suggestions",
    tags,
    summary: "Check-worthy sentences not yet marked or dismissed, best first, with the features behind each score",
    request: { params: PassageIdParamsSchema, query: ListSuggestionsQuerySchema },
    responses: {
      200: jsonContent(z.object({ items: z.array(SuggestionSchema) }), "Open suggestions scoring at least minScore"),
      ...errorResponses("validation_failed", "unauthenticated", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/passages/{passageId}/suggestions/dismissals",
    tags,
    summary: "Dismiss a suggestion for everyone (recorded in the audit log)",
    request: { params: PassageIdParamsSchema, ...jsonBody(DismissSuggestionInputSchema) },
    responses: {
      201: jsonContent(SuggestionDismissalSchema, "Dismissed"),
      200: jsonContent(SuggestionDismissalSchema, "Was already dismissed"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "gone"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/passages/{passageId}/suggestions/accept",
    tags,
    summary: "Turn suggestions into draft claims with their suggested labels, in one transaction (Idempotency-Key honoured)",
    request: { params: PassageIdParamsSchema, ...jsonBody(AcceptSuggestionsInputSchema) },
    responses: {
      201: jsonContent(z.object({ items: z.array(ClaimSchema) }), "The new draft claims, in text order"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "gone"),
    },
  });
};
