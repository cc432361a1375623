import { z } from "zod";
import { text } from "@/lib/http/text.schemas";
import { ClaimLabelSchema, ReviewStateSchema } from "@/lib/claims/claim.schemas";

export const SubmitBlindLabelInputSchema = z.object({ label: ClaimLabelSchema }).strict().meta({ id: "SubmitBlindLabelInput" });
export type SubmitBlindLabelInput = z.infer<typeof SubmitBlindLabelInputSchema>;

const ReviewerLabelSchema = z.object({
  reviewer: z.object({ id: text(), name: text() }),
  label: ClaimLabelSchema,
  updatedAt: z.iso.datetime(),
});

export const BlindLabelsSchema = z
  .object({
    isBlindReview: z.boolean(),
    myLabel: ClaimLabelSchema.nullable(),
    labels: z.array(ReviewerLabelSchema).nullable().describe("Every reviewer's label, for editors; null for reviewers, who see only their own"),
  })
  .meta({ id: "BlindLabels" });
export type BlindLabels = z.infer<typeof BlindLabelsSchema>;

export const BLIND_REVIEW_STATUSES = ["disagreement", "agreement", "waiting"] as const;

export const BlindReviewItemSchema = z
  .object({
    claim: z.object({
      id: text(),
      passageId: text(),
      passageTitle: text(),
      statement: text(),
      label: ClaimLabelSchema.nullable(),
      state: ReviewStateSchema,
      version: z.int(),
    }),
    labels: z.array(ReviewerLabelSchema),
    status: z.enum(BLIND_REVIEW_STATUSES).describe("waiting: fewer than two reviewers have labelled it"),
    decidedBy: z
      .object({ id: text(), name: text() })
      .nullable()
      .describe("Who set the final label, once set (the claim is then decided, whatever the votes say); null while it waits for an editor"),
  })
  .meta({ id: "BlindReviewItem" });
export type BlindReviewItem = z.infer<typeof BlindReviewItemSchema>;

export const BlindReviewListSchema = z.object({ items: z.array(BlindReviewItemSchema) }).meta({ id: "BlindReviewList" });

export const ListBlindReviewQuerySchema = z.object({
  status: z.enum([...BLIND_REVIEW_STATUSES, "all"]).default("all"),
  isDecided: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true"))
    .describe("true: only claims whose final label is set; false: only those still waiting for an editor"),
});
