import { z } from "zod";
import { isoDateInput } from "@/lib/http/date.schemas";
import { IdSchema } from "@/lib/http/text.schemas";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";

export const EXPORT_FORMATS = ["jsonl", "csv", "claimreview", "webannotation"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The header that tells a client how many claims the download holds, for a progress bar. */
export const CLAIM_COUNT_HEADER = "X-Claim-Count";

export const ExportQuerySchema = z
  .strictObject(
    {
      format: z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}` }),
      state: z
        .enum([...REVIEW_STATES, "all"])
        .default("verified")
        .describe("Review state of the claims to export; `all` exports every state. Default: verified"),
      label: z.enum([...CLAIM_LABELS, "none"]).optional().describe("`none`: claims without a label"),
      passageId: IdSchema.optional(),
      assigneeId: IdSchema.optional(),
      since: isoDateInput("Give `since` as YYYY-MM-DD or an ISO 8601 date and time")
        .optional()
        .describe("Only claims changed (updatedAt) at or after this moment"),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Unknown filter ${issue.keys.join(", ")}; exports filter by format, state, label, passageId, assigneeId and since.`
          : undefined,
    },
  )
  .meta({ id: "ExportQuery" });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
