import type { SuggestionReason } from "@/lib/suggestions/suggestion.schemas";

/** How each feature behind a score reads in the panel. */
export const REASON_TEXT: Record<SuggestionReason, string> = {
  number: "number",
  quantity: "quantity",
  date: "date",
  named_entity: "named entity",
  comparison: "comparison",
  change: "change",
  causal: "cause",
  attribution: "attribution",
  contested: "contested",
  evaluative: "evaluative words",
  prescriptive: "should/must",
  first_person: "first person",
  hedge: "hedge",
};

export const formatScore = (score: number) => score.toFixed(2);
