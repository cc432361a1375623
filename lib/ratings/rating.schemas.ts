import { z } from "zod";
import { nameText, text } from "@/lib/http/text.schemas";

export const RATING_KEY_MAX_LENGTH = 40;
export const RATING_NAME_MAX_LENGTH = 60;
export const RATING_DESCRIPTION_MAX_LENGTH = 300;
export const RATING_SCALE_MAX_RATINGS = 30;
export const RATING_VALUE_MAX = 100;
/** Lowercase words joined by single hyphens: "mostly-true". */
export const RATING_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const RatingKeySchema = text()
  .min(1, "Give the rating a key")
  .max(RATING_KEY_MAX_LENGTH, `Rating keys are at most ${RATING_KEY_MAX_LENGTH} characters`)
  .regex(RATING_KEY_PATTERN, 'Use lowercase letters and digits joined by single hyphens, e.g. "mostly-true"');

export const RatingSchema = z
  .object({
    key: text().describe("Stable identifier claims use as their `verdict`"),
    name: text(),
    description: text(),
    value: z.int().nullable().describe("Place on the truth-like scale (worstRating..bestRating); null for ratings outside it, e.g. Unproven"),
    retired: z.boolean().describe("Retired ratings stay on the claims that have them but cannot be given anymore"),
  })
  .meta({ id: "Rating" });
export type Rating = z.infer<typeof RatingSchema>;

export const RatingScaleSchema = z
  .object({
    ratings: z.array(RatingSchema).describe("In the scale's order"),
    bestRating: z.int().nullable().describe("The highest value on the scale (retired ratings included, since claims keep them); null when no rating has a value"),
    worstRating: z.int().nullable().describe("The lowest value on the scale; null when no rating has a value"),
    version: text().describe("The scale's version (also its ETag): send it as If-Match to change the scale"),
  })
  .meta({ id: "RatingScale" });
export type RatingScale = z.infer<typeof RatingScaleSchema>;

const RatingInputSchema = z
  .object({
    key: RatingKeySchema,
    name: nameText().trim().min(1, "Give the rating a name").max(RATING_NAME_MAX_LENGTH, `Rating names are at most ${RATING_NAME_MAX_LENGTH} characters`),
    description: text().trim().max(RATING_DESCRIPTION_MAX_LENGTH, `Descriptions are at most ${RATING_DESCRIPTION_MAX_LENGTH} characters`).default(""),
    value: z.int().min(1, "Values start at 1").max(RATING_VALUE_MAX, `Values are at most ${RATING_VALUE_MAX}`).nullable().default(null),
    retired: z.boolean().default(false),
  })
  .strict();

export const UpdateRatingScaleInputSchema = z
  .object({
    ratings: z
      .array(RatingInputSchema)
      .min(1, "Keep at least one rating")
      .max(RATING_SCALE_MAX_RATINGS, `A scale has at most ${RATING_SCALE_MAX_RATINGS} ratings`)
      .describe("The whole scale in order; a rating left out is removed (refused with 409 while claims use it: retire it instead)"),
  })
  .strict()
  .superRefine((input, context) => {
    for (const issue of scaleIssues(input.ratings)) context.addIssue({ code: "custom", path: ["ratings", issue.index, issue.field], message: issue.message });
  })
  .meta({ id: "UpdateRatingScaleInput" });
export type UpdateRatingScaleInput = z.infer<typeof UpdateRatingScaleInputSchema>;
export type RatingInput = UpdateRatingScaleInput["ratings"][number];

export const RatingScaleIfMatchHeaderSchema = z.object({ "if-match": text().describe('The scale version the change starts from, e.g. "3f9a…" (the ETag of GET)') });

/**
 * The rules a whole scale keeps, beyond each rating's own shape: keys unique; names unique among
 * ratings still given; values unique among ratings still given, so "higher is truer" orders them
 * (retired ratings may share a value, since claims keep them); at least one rating still given.
 */
export function scaleIssues(ratings: readonly Pick<RatingInput, "key" | "name" | "value" | "retired">[]): { index: number; field: "key" | "name" | "value" | "retired"; message: string }[] {
  const issues: { index: number; field: "key" | "name" | "value" | "retired"; message: string }[] = [];
  const keys = new Map<string, number>();
  const names = new Map<string, number>();
  const values = new Map<number, number>();
  ratings.forEach((rating, index) => {
    const sameKey = keys.get(rating.key);
    if (sameKey !== undefined) issues.push({ index, field: "key", message: `The key "${rating.key}" is already used by rating ${sameKey + 1}; give each rating its own key.` });
    else keys.set(rating.key, index);
    if (rating.retired) return;
    const name = rating.name.trim().toLocaleLowerCase();
    const sameName = names.get(name);
    if (sameName !== undefined) issues.push({ index, field: "name", message: `Rating ${sameName + 1} is already called "${rating.name.trim()}"; give each rating its own name.` });
    else names.set(name, index);
    if (rating.value === null) return;
    const sameValue = values.get(rating.value);
    if (sameValue !== undefined) {
      issues.push({ index, field: "value", message: `Rating ${sameValue + 1} already has the value ${rating.value}; give each rating on the truth scale its own value, or none.` });
    } else values.set(rating.value, index);
  });
  if (ratings.length > 0 && ratings.every((rating) => rating.retired)) {
    issues.push({ index: 0, field: "retired", message: "Keep at least one rating that can be given to claims." });
  }
  return issues;
}

/** bestRating and worstRating of a scale: the extremes of its values, retired ratings included. */
export function ratingBounds(ratings: readonly { value: number | null }[]): { bestRating: number | null; worstRating: number | null } {
  const values = ratings.flatMap((rating) => (rating.value === null ? [] : [rating.value]));
  return values.length ? { bestRating: Math.max(...values), worstRating: Math.min(...values) } : { bestRating: null, worstRating: null };
}
