import { z } from "zod";
import { EvidenceLinkSchema } from "@/lib/evidence/evidence.schemas";
import { PaginationQuerySchema } from "@/lib/http/pagination";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";

export const ClaimLabelSchema = z.enum(CLAIM_LABELS).meta({ id: "ClaimLabel" });
export const ReviewStateSchema = z.enum(REVIEW_STATES).meta({ id: "ReviewState" });

const StatementSchema = z.string().trim().min(1, "The statement cannot be empty").max(5000, "Statements are at most 5000 characters");
const VerdictNoteSchema = z.string().trim().max(10_000, "Verdict notes are at most 10000 characters");

export const ClaimTargetSchema = z
  .object({
    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }).describe("W3C TextQuoteSelector"),
    position: z.object({ start: z.int(), end: z.int() }).describe("W3C TextPositionSelector, UTF-16 code units"),
  })
  .meta({ id: "ClaimTarget" });

const claimFields = {
  id: z.string(),
  workspaceId: z.string(),
  passageId: z.string(),
  statement: z.string(),
  label: ClaimLabelSchema.nullable(),
  state: ReviewStateSchema,
  assigneeId: z.string().nullable(),
  verdictNote: z.string().nullable(),
  duplicateOfId: z.string().nullable().describe("The claim of the same workspace this one repeats, if someone linked it"),
  target: ClaimTargetSchema,
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int(),
};

export const ClaimSchema = z.object({ ...claimFields, evidence: z.array(EvidenceLinkSchema) }).meta({ id: "Claim" });
export type Claim = z.infer<typeof ClaimSchema>;

export const ClaimSummarySchema = z
  .object({ ...claimFields, evidenceCount: z.int(), passageTitle: z.string() })
  .meta({ id: "ClaimSummary" });
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;

const AnchorByPositionSchema = z.object({ start: z.int().min(0), end: z.int().min(1) });
const AnchorByQuoteSchema = z.object({
  exact: z.string().min(1, "The quote cannot be empty").max(20_000),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});
const claimExtras = { label: ClaimLabelSchema.optional(), statement: StatementSchema.optional() };

export const CreateClaimInputSchema = z
  .union([AnchorByPositionSchema.extend(claimExtras).strict(), AnchorByQuoteSchema.extend(claimExtras).strict()], {
    error: "Give the claim's span as { start, end } or as { exact, prefix?, suffix? }",
  })
  .meta({ id: "CreateClaimInput" });
export type CreateClaimInput = z.infer<typeof CreateClaimInputSchema>;

export const UpdateClaimInputSchema = z
  .object({
    label: ClaimLabelSchema.nullable().optional(),
    statement: StatementSchema.optional(),
    state: ReviewStateSchema.optional(),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    verdictNote: VerdictNoteSchema.nullable().optional(),
    duplicateOfId: z.string().min(1).max(64).nullable().optional().describe("Link this claim as a duplicate of another claim of the workspace; null unlinks"),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Send at least one field to change")
  .meta({ id: "UpdateClaimInput" });
export type UpdateClaimInput = z.infer<typeof UpdateClaimInputSchema>;

export const ClaimIdParamsSchema = z.object({ claimId: z.string().min(1).max(64) });

export const ListClaimsQuerySchema = PaginationQuerySchema.extend({
  label: z.enum([...CLAIM_LABELS, "none"]).optional(),
  state: ReviewStateSchema.optional(),
  passageId: z.string().min(1).max(64).optional(),
  assigneeId: z.string().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(["created_desc", "created_asc"]).default("created_desc"),
});
export type ListClaimsQuery = z.infer<typeof ListClaimsQuerySchema>;

export const ClaimHistoryEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    action: z.string(),
    field: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "ClaimHistoryEntry" });

export const BulkUpdateClaimsInputSchema = z
  .object({
    claimIds: z.array(z.string().min(1).max(64)).min(1, "Select at least one claim").max(500, "Change at most 500 claims at once"),
    changes: z
      .object({
        label: ClaimLabelSchema.nullable().optional(),
        state: ReviewStateSchema.optional(),
        assigneeId: z.string().min(1).max(64).nullable().optional().describe("A member to assign the claims to (editors), or null to unassign"),
      })
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, "Choose a label, a state or an assignee to apply"),
    versions: z.record(z.string(), z.int().min(1)).optional().describe("The version of each claim the caller saw; others use the current one"),
  })
  .strict()
  .meta({ id: "BulkUpdateClaimsInput" });
export type BulkUpdateClaimsInput = z.infer<typeof BulkUpdateClaimsInputSchema>;

export const BulkUpdateResultSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({ claimId: z.string(), ok: z.literal(true), claim: ClaimSchema }),
        z.object({ claimId: z.string(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
      ]),
    ),
  })
  .meta({ id: "BulkUpdateResult" });
export type BulkUpdateResult = z.infer<typeof BulkUpdateResultSchema>;
