import { z } from "zod";
import { ClaimLabelSchema, ReviewStateSchema } from "@/lib/claims/claim.schemas";
import { EvidenceStanceSchema } from "@/lib/evidence/evidence.schemas";

// What an import reads: lines of a ClaimDesk JSONL export, or W3C Web Annotations (ours or
// Hypothesis'). Unknown keys are ignored so newer exports and other tools' extras still import.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable().optional();

export const TextQuoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});
export const TextPositionSelectorSchema = z.object({ type: z.literal("TextPositionSelector"), start: z.int().min(0), end: z.int().min(1) });
const SelectorSchema = z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema, z.object({ type: z.string() }).loose()]);
export type Selector = z.infer<typeof SelectorSchema>;

export const JsonlPassageLineSchema = z.object({
  type: z.literal("passage"),
  id: text(64),
  title: text(300),
  text: z.string().optional(),
  sourceUrl: nullableText(2048),
  publisher: nullableText(200),
  author: nullableText(200),
  publishedAt: nullableText(40),
  language: nullableText(35),
});
export type JsonlPassageLine = z.infer<typeof JsonlPassageLineSchema>;

export const JsonlEvidenceSchema = z.object({
  stance: EvidenceStanceSchema,
  note: nullableText(5000),
  kind: z.enum(["web", "passage"]),
  url: nullableText(2000),
  title: nullableText(500),
  publisher: nullableText(200),
  quote: nullableText(10_000),
  accessedAt: nullableText(40),
  passageId: nullableText(64),
  start: z.int().min(0).nullable().optional(),
  end: z.int().min(0).nullable().optional(),
});
export type JsonlEvidence = z.infer<typeof JsonlEvidenceSchema>;

const PersonSchema = z.object({ id: z.string().optional(), name: z.string() }).loose();

export const JsonlClaimLineSchema = z.object({
  type: z.literal("claim"),
  id: text(64).optional(),
  passage: z.object({
    id: text(64),
    title: text(300).optional(),
    sourceUrl: nullableText(2048),
    publisher: nullableText(200),
    author: nullableText(200),
    publishedAt: nullableText(40),
  }),
  target: z.object({ selector: z.array(SelectorSchema).min(1) }),
  statement: z.string().trim().min(1).max(5000),
  label: ClaimLabelSchema.nullable().optional(),
  state: ReviewStateSchema.optional(),
  verdictNote: z.string().max(10_000).nullable().optional(),
  evidence: z.array(JsonlEvidenceSchema).max(200).default([]),
  reviewers: z.object({ createdBy: PersonSchema.nullable().optional(), verifiedBy: PersonSchema.nullable().optional() }).loose().optional(),
  createdAt: z.iso.datetime().optional(),
});
export type JsonlClaimLine = z.infer<typeof JsonlClaimLineSchema>;

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]));

const BodySchema = z.union([
  z.string().transform((source) => ({ type: "SpecificResource", purpose: "linking", source }) as Record<string, unknown>),
  z.record(z.string(), z.unknown()),
]);

const TargetSchema = z.union([
  z.string().transform((source) => ({ source, selector: [] as Selector[] })),
  z.object({ source: z.union([z.string(), z.object({ id: z.string() }).loose()]).optional(), selector: oneOrMany(SelectorSchema).optional() }).loose(),
]);

/** A W3C Web Annotation, or a Hypothesis annotation (uri, text, tags, document.title). */
export const WebAnnotationSchema = z
  .object({
    id: z.string().optional(),
    motivation: z.union([z.string(), z.array(z.string())]).optional(),
    body: oneOrMany(BodySchema).optional(),
    bodyValue: z.string().optional(),
    target: oneOrMany(TargetSchema),
    created: z.string().optional(),
    uri: z.string().optional(),
    text: z.string().optional(),
    tags: z.array(z.string()).optional(),
    document: z.object({ title: z.union([z.string(), z.array(z.string())]).optional() }).loose().optional(),
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
        item: z.string().describe("Where in the file: `line 3` or `annotation 2`"),
        status: z.enum(IMPORT_ITEM_STATUSES),
        claimId: z.string().nullable(),
        passageId: z.string().nullable(),
        exact: z.string().nullable().describe("The quote of the claim, as in the file"),
        reason: z.string().nullable().describe("Why an item was not imported"),
        notes: z.array(z.string()).describe("What changed on the way in: a state lowered, an evidence link left out"),
      }),
    ),
  })
  .meta({ id: "ImportReport" });
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type ImportItemResult = ImportReport["items"][number];

/** Request bodies above this answer 413; split bigger exports by passage or date (`since`). */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
