import { endpoint, json } from "@/lib/http/endpoint";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import {
  AcceptedSuggestionsSchema,
  AcceptSuggestionsInputSchema,
  DismissSuggestionInputSchema,
  ListSuggestionsQuerySchema,
  SuggestionDismissalSchema,
  SuggestionListSchema,
} from "@/lib/suggestions/suggestion.schemas";

const tags = ["Suggestions"];

export const listSuggestionsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/passages/{passageId}/suggestions",
  summary: "Check-worthy sentences not yet marked or dismissed, best first, with the features behind each score",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  query: ListSuggestionsQuerySchema,
  responses: { 200: json(SuggestionListSchema, "Open suggestions scoring at least minScore") },
  errors: ["not_found", "gone"],
});

export const dismissSuggestionEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/passages/{passageId}/suggestions/dismissals",
  summary: "Dismiss a suggestion for everyone (a SuggestionDismissal row; the audit log keeps the history)",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: DismissSuggestionInputSchema,
  responses: {
    201: json(SuggestionDismissalSchema, "Dismissed"),
    200: json(SuggestionDismissalSchema, "Was already dismissed"),
  },
  errors: ["not_found", "gone"],
});

export const acceptSuggestionsEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/passages/{passageId}/suggestions/accept",
  summary: "Turn suggestions into draft claims with their suggested labels, in one transaction (Idempotency-Key honoured)",
  tags,
  auth: "required",
  params: PassageIdParamsSchema,
  body: AcceptSuggestionsInputSchema,
  isIdempotent: true,
  responses: { 201: json(AcceptedSuggestionsSchema, "The new draft claims, in text order") },
  errors: ["not_found", "conflict", "gone"],
});
