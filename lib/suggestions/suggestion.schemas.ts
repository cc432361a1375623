import { z } from "zod";
import { ClaimSchema } from "@/lib/claims/claim.schemas";
import { text } from "@/lib/http/text.schemas";

/** The label a suggestion proposes for the draft claim it becomes when accepted. */
export const SUGGESTED_LABELS = ["factual", "opinion", "disputed"] as const;
export type SuggestedLabel = (typeof SUGGESTED_LABELS)[number];

/** Features that make a sentence check-worthy (the first nine) or a judgement (the last four). */
export const SUGGESTION_REASONS = [
  "number",
  "quantity",
  "date",
  "named_entity",
  "comparison",
  "change",
  "causal",
  "attribution",
  "contested",
  "evaluative",
  "prescriptive",
  "first_person",
  "hedge",
] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** Why a suggestion's own text may be untrustworthy: "garbled" when a number or words seem to be missing. */
export const SUGGESTION_WARNINGS = ["garbled"] as const;

/** A garbled sentence keeps this share of its score: still suggested when it is check-worthy, but lower. */
export const GARBLED_SCORE_FACTOR = 0.5;

const SuggestionWarningSchema = z.object({
  reason: z.enum(SUGGESTION_WARNINGS),
  message: text().describe('For the reviewer, e.g. "Garbled text: number or words missing (…nearly are reported…). Check the original source."'),
});

/** Below this score a sentence holds nothing a fact-checker could look up (no number, date, name…). */
export const DEFAULT_MIN_SCORE = 0.3;

const ScoreSchema = z.number().min(0).max(1);

export const SuggestionSchema = z
  .object({
    start: z.int().describe("UTF-16 offset of the sentence in the stored passage text"),
    end: z.int(),
    exact: text().describe("The sentence: text.slice(start, end)"),
    score: ScoreSchema.describe("Check-worthiness in [0, 1]; higher first"),
    suggestedLabel: z.enum(SUGGESTED_LABELS),
    reasons: z.array(z.enum(SUGGESTION_REASONS)).describe("The features behind the score and the label, strongest first"),
    warnings: z.array(SuggestionWarningSchema).describe("Problems with the text itself that lowered the score; empty for clean text"),
  })
  .meta({ id: "Suggestion" });
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionListSchema = z.object({ items: z.array(SuggestionSchema) }).meta({ id: "SuggestionList" });

export const ListSuggestionsQuerySchema = z.object({
  minScore: z.coerce
    .number({ error: "minScore must be a number between 0 and 1" })
    .min(0, "minScore must be between 0 and 1")
    .max(1, "minScore must be between 0 and 1")
    .default(DEFAULT_MIN_SCORE),
});

const SpanSchema = z.object({ start: z.int().min(0), end: z.int().min(1) }).strict();

export const DismissSuggestionInputSchema = SpanSchema.meta({ id: "DismissSuggestionInput" });
export type DismissSuggestionInput = z.infer<typeof DismissSuggestionInputSchema>;

export const SuggestionDismissalSchema = z.object({ start: z.int(), end: z.int(), exact: text() }).meta({ id: "SuggestionDismissal" });

/** More than this many at once is refused, so a low threshold on a long text cannot flood the passage. */
export const MAX_ACCEPTED_AT_ONCE = 500;

export const AcceptSuggestionsInputSchema = z
  .union(
    [
      z.object({ suggestions: z.array(SpanSchema).min(1, "Send at least one suggestion").max(MAX_ACCEPTED_AT_ONCE, `Accept at most ${MAX_ACCEPTED_AT_ONCE} suggestions at once`) }).strict(),
      z.object({ minScore: ScoreSchema.describe("Accept every open suggestion scoring at least this") }).strict(),
    ],
    { error: "Send { suggestions: [{ start, end }] } to accept those, or { minScore } to accept every suggestion scoring at least that" },
  )
  .meta({ id: "AcceptSuggestionsInput" });
export type AcceptSuggestionsInput = z.infer<typeof AcceptSuggestionsInputSchema>;

export const AcceptedSuggestionsSchema = z
  .object({ items: z.array(ClaimSchema).describe("The new draft claims, in text order") })
  .meta({ id: "AcceptedSuggestions" });
