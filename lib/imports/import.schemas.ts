import { z } from "zod";
import { isStorableDateText, STORABLE_DATE_MESSAGE } from "@/lib/http/date.schemas";
import { ID_MAX_LENGTH, text } from "@/lib/http/text.schemas";
import {
  CLAIM_STATEMENT_MAX_LENGTH,
  ClaimLabelSchema,
  QUOTE_CONTEXT_MAX_LENGTH,
  QUOTE_EXACT_MAX_LENGTH,
  AnchorStatusSchema,
  ReviewStateSchema,
  VERDICT_NOTE_MAX_LENGTH,
} from "@/lib/claims/claim.schemas";
import {
  EVIDENCE_NOTE_MAX_LENGTH,
  EVIDENCE_PUBLISHER_MAX_LENGTH,
  EVIDENCE_QUOTE_MAX_LENGTH,
  EVIDENCE_TITLE_MAX_LENGTH,
  EvidenceStanceSchema,
  WEB_URL_MAX_LENGTH,
} from "@/lib/evidence/evidence.schemas";
import {
  LANGUAGE_TAG_MAX_LENGTH,
  PASSAGE_METADATA_MAX_LENGTH,
  PASSAGE_TITLE_MAX_LENGTH,
  SOURCE_URL_MAX_LENGTH,
} from "@/lib/passages/passage.schemas";

// What an import reads: lines of a ClaimDesk JSONL export, or W3C Web Annotations (ours or
// Hypothesis'). Unknown keys are ignored so newer exports and other tools' extras still import.

const importText = (max: number) => text().max(max);
const nullableText = (max: number) => importText(max).nullable().optional();
// Dates in other tools' files are free text (unreadable ones are left out); a readable one must be storable.
const nullableDate = importText(40).refine(isStorableDateText, STORABLE_DATE_MESSAGE).nullable().optional();

export const TextQuoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: text().min(1).max(QUOTE_EXACT_MAX_LENGTH),
  prefix: text().max(QUOTE_CONTEXT_MAX_LENGTH).optional(),
  suffix: text().max(QUOTE_CONTEXT_MAX_LENGTH).optional(),
});
export const TextPositionSelectorSchema = z.object({ type: z.literal("TextPositionSelector"), start: z.int().min(0), end: z.int().min(1) });
const SelectorSchema = z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema, z.object({ type: text() }).loose()]);
export type Selector = z.infer<typeof SelectorSchema>;

export const JsonlPassageLineSchema = z.object({
  type: z.literal("passage"),
  id: importText(ID_MAX_LENGTH),
  title: importText(PASSAGE_TITLE_MAX_LENGTH),
  text: text().optional(),
  sourceUrl: nullableText(SOURCE_URL_MAX_LENGTH),
  publisher: nullableText(PASSAGE_METADATA_MAX_LENGTH),
  author: nullableText(PASSAGE_METADATA_MAX_LENGTH),
  publishedAt: nullableDate,
  language: nullableText(LANGUAGE_TAG_MAX_LENGTH),
});

export const JsonlEvidenceSchema = z.object({
  stance: EvidenceStanceSchema,
  note: nullableText(EVIDENCE_NOTE_MAX_LENGTH),
  kind: z.enum(["web", "passage"]),
  url: nullableText(WEB_URL_MAX_LENGTH),
  title: nullableText(EVIDENCE_TITLE_MAX_LENGTH),
  publisher: nullableText(EVIDENCE_PUBLISHER_MAX_LENGTH),
  quote: nullableText(EVIDENCE_QUOTE_MAX_LENGTH),
  accessedAt: nullableDate,
  passageId: nullableText(ID_MAX_LENGTH),
  start: z.int().min(0).nullable().optional(),
  end: z.int().min(0).nullable().optional(),
});

const PersonSchema = z.object({ id: text().optional(), name: text() }).loose();

export const JsonlClaimLineSchema = z.object({
  type: z.literal("claim"),
  id: importText(ID_MAX_LENGTH).optional(),
  passage: z.object({
    id: importText(ID_MAX_LENGTH),
    title: importText(PASSAGE_TITLE_MAX_LENGTH).optional(),
    sourceUrl: nullableText(SOURCE_URL_MAX_LENGTH),
    publisher: nullableText(PASSAGE_METADATA_MAX_LENGTH),
    author: nullableText(PASSAGE_METADATA_MAX_LENGTH),
    publishedAt: nullableDate,
  }),
  target: z.object({ selector: z.array(SelectorSchema).min(1) }),
  // Where the target stands after the source's revisions: an orphan's target describes an older text than the file's.
  anchor: z
    .object({ status: AnchorStatusSchema, revision: z.int().min(0).optional(), previousQuote: importText(QUOTE_EXACT_MAX_LENGTH).nullable().optional() })
    .loose()
    .optional(),
  statement: text().trim().min(1).max(CLAIM_STATEMENT_MAX_LENGTH),
  label: ClaimLabelSchema.nullable().optional(),
  state: ReviewStateSchema.optional(),
  verdictNote: text().max(VERDICT_NOTE_MAX_LENGTH).nullable().optional(),
  // As exports write it ({ key, name, value }), or a bare rating key; kept only where the key is on this workspace's scale.
  verdict: z
    .union([text().max(200).transform((key) => ({ key })), z.object({ key: text().max(200) }).loose()])
    .nullable()
    .optional(),
  evidence: z.array(JsonlEvidenceSchema).max(200).default([]),
  reviewers: z.object({ createdBy: PersonSchema.nullable().optional(), verifiedBy: PersonSchema.nullable().optional() }).loose().optional(),
  createdAt: z.iso.datetime().refine(isStorableDateText, STORABLE_DATE_MESSAGE).optional(),
});
export type JsonlClaimLine = z.infer<typeof JsonlClaimLineSchema>;

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]));

const BodySchema = z.union([
  text().transform((source) => ({ type: "SpecificResource", purpose: "linking", source }) as Record<string, unknown>),
  z.record(text(), z.unknown()),
]);

const TargetSchema = z.union([
  text().transform((source) => ({ source, selector: [] as Selector[] })),
  z.object({ source: z.union([text(), z.object({ id: text() }).loose()]).optional(), selector: oneOrMany(SelectorSchema).optional() }).loose(),
]);

/** A W3C Web Annotation, or a Hypothesis annotation (uri, text, tags, document.title). */
export const WebAnnotationSchema = z
  .object({
    id: text().optional(),
    motivation: z.union([text(), z.array(text())]).optional(),
    body: oneOrMany(BodySchema).optional(),
    bodyValue: text().optional(),
    target: oneOrMany(TargetSchema),
    created: text().optional(),
    uri: text().optional(),
    text: text().optional(),
    tags: z.array(text()).optional(),
    document: z.object({ title: z.union([text(), z.array(text())]).optional() }).loose().optional(),
  })
  .loose();
export type WebAnnotation = z.infer<typeof WebAnnotationSchema>;

export const IMPORT_ITEM_STATUSES = ["imported", "matched", "not_anchored", "invalid"] as const;

export const ImportReportSchema = z
  .object({
    format: z.enum(["jsonl", "webannotation"]),
    counts: z.object({
      items: z.int(),
      imported: z.int(),
      matched: z.int().describe("The same span was already a claim; nothing was written"),
      notAnchored: z.int(),
      invalid: z.int(),
      passagesCreated: z.int(),
      passagesMatched: z.int(),
    }),
    items: z.array(
      z.object({
        item: text().describe("Where in the file: `line 3` or `annotation 2`"),
        status: z.enum(IMPORT_ITEM_STATUSES),
        claimId: text().nullable(),
        passageId: text().nullable(),
        exact: text().nullable().describe("The quote of the claim, as in the file"),
        reason: text().nullable().describe("Why an item was not imported"),
        notes: z.array(text()).describe("What changed on the way in: a state lowered, an evidence link left out"),
      }),
    ),
  })
  .meta({ id: "ImportReport" });
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type ImportItemResult = ImportReport["items"][number];

/** Request bodies above this answer 413; split bigger exports by passage or date (`since`). */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/** The media types an import file is sent as: ClaimDesk JSONL, or Web Annotations as JSON-LD or JSON. */
export const IMPORT_CONTENT_TYPES = ["application/x-ndjson", "application/ld+json", "application/json"] as const;
