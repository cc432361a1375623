import { z } from "zod";
import { CorrectionNoteSchema } from "@/lib/publishing/publishing.schemas";
import { ID_MAX_LENGTH, text } from "@/lib/http/text.schemas";
import { ClaimSummarySchema } from "@/lib/claims/claim.schemas";
import { EvidenceLinkSchema } from "@/lib/evidence/evidence.schemas";

/** Trigram similarity (0–1) from which a claim counts as similar; pg_trgm's own default. */
export const MATCH_SIMILARITY_THRESHOLD = 0.3;
/** From here two statements are near-identical: the duplicates view groups them. */
export const DUPLICATE_SIMILARITY_THRESHOLD = 0.8;

export const ClaimMatchesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ClaimMatchesQuery = z.infer<typeof ClaimMatchesQuerySchema>;

export const ClaimMatchSchema = z
  .object({
    claim: ClaimSummarySchema,
    similarity: z.number().min(0).max(1).describe("Trigram similarity of the normalized statements, 1 for identical"),
  })
  .meta({ id: "ClaimMatch" });
export type ClaimMatch = z.infer<typeof ClaimMatchSchema>;

export const ClaimMatchesSchema = z.object({ items: z.array(ClaimMatchSchema) }).meta({ id: "ClaimMatches" });
export type ClaimMatches = z.infer<typeof ClaimMatchesSchema>;

export const BorrowEvidenceInputSchema = z
  .object({ fromClaimId: text().min(1, "Name the verified claim to take the evidence from").max(ID_MAX_LENGTH), correctionNote: CorrectionNoteSchema.optional() })
  .strict()
  .meta({ id: "BorrowEvidenceInput" });
export type BorrowEvidenceInput = z.infer<typeof BorrowEvidenceInputSchema>;

export const BorrowEvidenceResultSchema = z
  .object({
    items: z.array(EvidenceLinkSchema).describe("The links added to this claim"),
    skippedCount: z.int().describe("Evidence the claim already had, left as it was"),
  })
  .meta({ id: "BorrowEvidenceResult" });
export type BorrowEvidenceResult = z.infer<typeof BorrowEvidenceResultSchema>;

export const DuplicateGroupsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DuplicateGroupsQuery = z.infer<typeof DuplicateGroupsQuerySchema>;

export const DuplicateGroupSchema = z
  .object({
    claims: z.array(ClaimSummarySchema).describe("Oldest first; `duplicateOfId` shows the links people made"),
    similarity: z.number().nullable().describe("The highest statement similarity inside the group; null when only linked by hand"),
  })
  .meta({ id: "DuplicateGroup" });

export const DuplicateGroupsSchema = z
  .object({
    items: z.array(DuplicateGroupSchema).describe("Largest groups first"),
    scannedClaimCount: z.int().describe("How many of the newest claims were compared against all claims of the workspace"),
  })
  .meta({ id: "DuplicateGroups" });
export type DuplicateGroups = z.infer<typeof DuplicateGroupsSchema>;
