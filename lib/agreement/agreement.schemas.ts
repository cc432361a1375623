import { z } from "zod";
import { text } from "@/lib/http/text.schemas";
import { ClaimLabelSchema } from "@/lib/claims/claim.schemas";

const AlphaSchema = z.object({
  alpha: z.number().nullable().describe("Krippendorff's alpha (nominal); null when there is no variation to measure"),
  pairableUnitCount: z.int().describe("Claims labelled by at least two reviewers"),
  pairableValueCount: z.int(),
});

export const AgreementReportSchema = z
  .object({
    categories: z.array(ClaimLabelSchema),
    labelCount: z.int().describe("Blind labels in the workspace"),
    workspace: AlphaSchema,
    passages: z.array(AlphaSchema.extend({ passageId: text(), title: text() })),
    pairs: z.array(
      z.object({
        first: z.object({ id: text(), name: text() }),
        second: z.object({ id: text(), name: text() }),
        kappa: z.number().nullable().describe("Cohen's kappa; null when chance agreement is perfect"),
        observedAgreement: z.number(),
        expectedAgreement: z.number(),
        itemCount: z.int(),
        confusion: z.array(z.array(z.int())).describe("Rows: the first reviewer's label, columns: the second's, in `categories` order"),
      }),
    ),
  })
  .meta({ id: "AgreementReport" });

export type AgreementReport = z.infer<typeof AgreementReportSchema>;
