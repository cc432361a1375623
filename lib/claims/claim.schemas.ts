import { z } from "zod";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { EvidenceLinkSchema } from "@/lib/evidence/evidence.schemas";
import { CorrectionNoteSchema, PublicationSchema } from "@/lib/publishing/publishing.schemas";
import { PaginationQuerySchema } from "@/lib/http/pagination";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";
import { RatingKeySchema } from "@/lib/ratings/rating.schemas";
import { SEARCH_TERMS_MAX_LENGTH } from "@/lib/search/search.schemas";

export const ClaimLabelSchema = z.enum(CLAIM_LABELS).meta({ id: "ClaimLabel" });
export const ReviewStateSchema = z.enum(REVIEW_STATES).meta({ id: "ReviewState" });

export const CLAIM_STATEMENT_MAX_LENGTH = 5000;
export const VERDICT_NOTE_MAX_LENGTH = 10_000;
/** A W3C TextQuoteSelector's `exact` text, and its `prefix` / `suffix` context. */
export const QUOTE_EXACT_MAX_LENGTH = 20_000;
export const QUOTE_CONTEXT_MAX_LENGTH = 1000;
export const BULK_UPDATE_MAX_CLAIMS = 500;
export const BATCH_CREATE_MAX_CLAIMS = 500;
/** A batch create's body, above the 1 MB of other requests: 500 claims with long statements. */
export const BATCH_CREATE_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The columns the claims table sorts by, then the first two sorts, which name their order. */
const CLAIM_SORT_COLUMNS = ["statement", "label", "state", "passage", "evidence_count", "updated", "created"] as const;
export type ClaimSortColumn = (typeof CLAIM_SORT_COLUMNS)[number];
export const CLAIM_SORTS = [...CLAIM_SORT_COLUMNS, "created_desc", "created_asc"] as const;
export type SortOrder = "asc" | "desc";
const DESCENDING_FIRST: readonly ClaimSortColumn[] = ["updated", "created", "evidence_count"];

/** The column and direction a list query sorts by (pure: the table's headers read it too). */
export function claimSortOf(query: { sort: (typeof CLAIM_SORTS)[number]; order?: SortOrder | undefined }): { column: ClaimSortColumn; order: SortOrder } {
  if (query.sort === "created_desc") return { column: "created", order: "desc" };
  if (query.sort === "created_asc") return { column: "created", order: "asc" };
  return { column: query.sort, order: query.order ?? defaultSortOrder(query.sort) };
}

function defaultSortOrder(column: ClaimSortColumn): SortOrder {
  return DESCENDING_FIRST.includes(column) ? "desc" : "asc";
}

const StatementSchema = text()
  .trim()
  .min(1, "The statement cannot be empty")
  .max(CLAIM_STATEMENT_MAX_LENGTH, `Statements are at most ${CLAIM_STATEMENT_MAX_LENGTH} characters`);
const VerdictNoteSchema = text().trim().max(VERDICT_NOTE_MAX_LENGTH, `Verdict notes are at most ${VERDICT_NOTE_MAX_LENGTH} characters`);

export const ClaimTargetSchema = z
  .object({
    quote: z.object({ exact: text(), prefix: text(), suffix: text() }).describe("W3C TextQuoteSelector"),
    position: z.object({ start: z.int(), end: z.int() }).describe("W3C TextPositionSelector, UTF-16 code units"),
  })
  .meta({ id: "ClaimTarget" });

export const ANCHOR_STATUSES = ["exact", "moved", "changed", "orphaned"] as const;
export const AnchorStatusSchema = z.enum(ANCHOR_STATUSES).meta({ id: "AnchorStatus" });

export const ClaimAnchorSchema = z
  .object({
    status: AnchorStatusSchema.describe(
      "Where the claim stands in the passage's newest revision. `exact`: the same quote at the same place; `moved`: the same quote elsewhere; `changed`: its sentence was edited and `target` spans the edited words (`previousQuote` is the old quote); `orphaned`: its words are gone and `target` is its last place, in revision `revision`",
    ),
    confidence: z.number().min(0).max(1).describe("How sure re-anchoring was; 1 for exact anchors and for anything a person placed or confirmed"),
    revision: z.int().describe("The revision `target` describes (the newest, except for orphans)"),
    previousQuote: text().nullable().describe("For `changed`: the quote before the edit"),
    needsReview: z
      .boolean()
      .describe("A person should look at the anchor: `changed`, or `orphaned` and not yet confirmed. A verified claim with it set needs re-review and is left out of ClaimReview exports"),
  })
  .meta({ id: "ClaimAnchor" });

const claimFields = {
  id: text(),
  workspaceId: text(),
  passageId: text(),
  statement: text(),
  label: ClaimLabelSchema.nullable(),
  state: ReviewStateSchema,
  assigneeId: text().nullable(),
  verdictNote: text().nullable(),
  verdict: text().nullable().describe("Whether the claim holds: the key of a rating on the workspace's scale (GET …/rating-scale), set by editors and owners; null while unrated"),
  verdictName: text().nullable().describe("The name of that rating as the scale calls it now (e.g. \"Mostly true\"); null when `verdict` is null"),
  duplicateOfId: text().nullable().describe("The claim of the same workspace this one repeats, if someone linked it"),
  target: ClaimTargetSchema,
  anchor: ClaimAnchorSchema,
  createdBy: z.object({ id: text(), name: text() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int(),
};

export const ClaimSchema = z
  .object({
    ...claimFields,
    evidence: z.array(EvidenceLinkSchema),
    publication: PublicationSchema.nullable().describe("Its public fact-check page, if it was ever published (withdrawnAt set while withdrawn)"),
  })
  .meta({ id: "Claim" });
export type Claim = z.infer<typeof ClaimSchema>;

export const ClaimSummarySchema = z
  .object({ ...claimFields, evidenceCount: z.int(), passageTitle: text() })
  .meta({ id: "ClaimSummary" });
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;

const AnchorByPositionSchema = z.object({ start: z.int().min(0), end: z.int().min(1) });
const AnchorByQuoteSchema = z.object({
  exact: text().min(1, "The quote cannot be empty").max(QUOTE_EXACT_MAX_LENGTH),
  prefix: text().max(QUOTE_CONTEXT_MAX_LENGTH).optional(),
  suffix: text().max(QUOTE_CONTEXT_MAX_LENGTH).optional(),
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
    assigneeId: IdSchema.nullable().optional(),
    verdictNote: VerdictNoteSchema.nullable().optional(),
    verdict: RatingKeySchema.nullable()
      .optional()
      .describe("A rating key of the workspace's scale that is not retired (editors and owners); null clears the verdict"),
    duplicateOfId: IdSchema.nullable().optional().describe("Link this claim as a duplicate of another claim of the workspace; null unlinks"),
    correctionNote: CorrectionNoteSchema.optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Send at least one field to change")
  .meta({ id: "UpdateClaimInput" });
export type UpdateClaimInput = z.infer<typeof UpdateClaimInputSchema>;

export const ClaimIdParamsSchema = z.object({ claimId: IdSchema });

/** The version a change starts from; read by lib/http/if-match.ts, which answers 428 without it. */
export const IfMatchHeaderSchema = z.object({ "if-match": text().describe('The version the change starts from, e.g. "3" (the ETag)') });
export const IfNoneMatchHeaderSchema = z.object({
  "if-none-match": text().optional().describe("The ETag of the copy the caller holds; 304 without a body while it is current"),
});

const ANCHOR_FILTER_PATTERN = new RegExp(`^(${ANCHOR_STATUSES.join("|")})(,(${ANCHOR_STATUSES.join("|")}))*$`);

export const ListClaimsQuerySchema = PaginationQuerySchema.extend({
  label: z.enum([...CLAIM_LABELS, "none"]).optional(),
  state: ReviewStateSchema.optional(),
  passageId: IdSchema.optional(),
  assigneeId: IdSchema.optional(),
  q: text().trim().min(1).max(SEARCH_TERMS_MAX_LENGTH).optional(),
  anchor: text()
    .regex(ANCHOR_FILTER_PATTERN, "List anchor statuses separated by commas: exact, moved, changed, orphaned")
    .optional()
    .describe("Claims whose anchor has one of these statuses, comma-separated (`changed,orphaned`: the re-anchoring queue)"),
  needsReview: z.enum(["true"]).optional().describe("Only claims whose anchor a person should look at (see `anchor.needsReview`)"),
  evidence: z
    .enum(["needs-attention"])
    .optional()
    .describe("`needs-attention`: claims with web evidence whose link died or changed (link checker) or that could not be captured"),
  sort: z
    .enum(CLAIM_SORTS)
    .default("created_desc")
    .describe("A column of the claims table, in `order`; `created_desc` and `created_asc` (the first sorts) carry their own order"),
  order: z
    .enum(["asc", "desc"])
    .optional()
    .describe("For a column `sort`: descending by default for `updated`, `created` and `evidence_count`, ascending for the others"),
});
export type ListClaimsQuery = z.infer<typeof ListClaimsQuerySchema>;

/** The claims list query without its page (limit, cursor): what a saved view stores. */
export const ClaimsFilterSchema = ListClaimsQuerySchema.omit({ limit: true, cursor: true }).strict().meta({ id: "ClaimsFilter" });
export type ClaimsFilter = z.infer<typeof ClaimsFilterSchema>;

export const ListPassageClaimsQuerySchema = PaginationQuerySchema.extend({
  all: z
    .enum(["true"])
    .optional()
    .describe("Every live claim (after `cursor`, if given) in one answer, nextCursor null; `limit` is then ignored"),
});
export type ListPassageClaimsQuery = z.infer<typeof ListPassageClaimsQuerySchema>;

export const ClaimHistoryEntrySchema = z
  .object({
    id: text(),
    at: z.iso.datetime(),
    actor: z.object({ id: text(), name: text() }).nullable(),
    action: text(),
    field: text().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "ClaimHistoryEntry" });

export const ClaimHistorySchema = z.object({ items: z.array(ClaimHistoryEntrySchema) });
export type ClaimHistory = z.infer<typeof ClaimHistorySchema>;

export const BulkUpdateClaimsInputSchema = z
  .object({
    claimIds: z.array(IdSchema).min(1, "Select at least one claim").max(BULK_UPDATE_MAX_CLAIMS, `Change at most ${BULK_UPDATE_MAX_CLAIMS} claims at once`),
    changes: z
      .object({
        label: ClaimLabelSchema.nullable().optional(),
        state: ReviewStateSchema.optional(),
        assigneeId: IdSchema.nullable().optional().describe("A member to assign the claims to (editors), or null to unassign"),
      })
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, "Choose a label, a state or an assignee to apply"),
    versions: z.record(text(), z.int().min(1)).optional().describe("The version of each claim the caller saw; others use the current one"),
  })
  .strict()
  // One result per listed claim, in order: a claim listed twice, or a version for a claim not listed, is a mistake to say.
  .superRefine(({ claimIds, versions }, context) => {
    const seen = new Set<string>();
    claimIds.forEach((id, index) => {
      if (seen.has(id)) context.addIssue({ code: "custom", path: ["claimIds", index], message: `The claim ${id} is listed more than once; list each claim once.` });
      seen.add(id);
    });
    for (const id of Object.keys(versions ?? {})) {
      if (!seen.has(id)) context.addIssue({ code: "custom", path: ["versions", id], message: `A version is given for ${id}, which is not in claimIds; list it, or leave its version out.` });
    }
  })
  .meta({ id: "BulkUpdateClaimsInput" });
export type BulkUpdateClaimsInput = z.infer<typeof BulkUpdateClaimsInputSchema>;

export const BulkUpdateResultSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({ claimId: text(), ok: z.literal(true), claim: ClaimSchema }),
        z.object({ claimId: text(), ok: z.literal(false), error: z.object({ code: text(), message: text() }) }),
      ]),
    ),
  })
  .meta({ id: "BulkUpdateResult" });
export type BulkUpdateResult = z.infer<typeof BulkUpdateResultSchema>;

export const BatchCreateClaimsInputSchema = z
  .object({
    claims: z
      .array(CreateClaimInputSchema)
      .min(1, "Send at least one claim")
      .max(BATCH_CREATE_MAX_CLAIMS, `Create at most ${BATCH_CREATE_MAX_CLAIMS} claims at once`)
      .describe("Each as in a single create; a malformed one refuses the whole request (400 naming it)"),
  })
  .strict()
  .meta({ id: "BatchCreateClaimsInput" });
export type BatchCreateClaimsInput = z.infer<typeof BatchCreateClaimsInputSchema>;

export const BATCH_CREATE_ITEM_STATUSES = ["created", "not_anchored", "refused"] as const;

export const BatchCreateReportSchema = z
  .object({
    counts: z.object({ items: z.int(), created: z.int(), notAnchored: z.int(), refused: z.int() }),
    items: z.array(
      z.object({
        index: z.int().describe("The item's position in `claims`, from 0"),
        status: z
          .enum(BATCH_CREATE_ITEM_STATUSES)
          .describe("`not_anchored`: the span cannot be placed in the passage's text; `refused`: the caller may not create it so (a label in blind review)"),
        claimId: text().nullable(),
        reason: text().nullable().describe("Why an item was not created: the message a single create would answer"),
      }),
    ),
  })
  .meta({ id: "BatchCreateReport" });
export type BatchCreateReport = z.infer<typeof BatchCreateReportSchema>;
