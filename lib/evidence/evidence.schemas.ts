import { z } from "zod";
import { isoDateInput } from "@/lib/http/date.schemas";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { CorrectionNoteSchema } from "@/lib/publishing/publishing.schemas";
import { isHttpUrl } from "@/lib/http/http-url";

export const EvidenceStanceSchema = z.enum(["supports", "refutes", "context"]).meta({ id: "EvidenceStance" });

export const WEB_URL_MAX_LENGTH = 2000;
export const EVIDENCE_NOTE_MAX_LENGTH = 5000;
export const EVIDENCE_TITLE_MAX_LENGTH = 500;
export const EVIDENCE_PUBLISHER_MAX_LENGTH = 200;
export const EVIDENCE_QUOTE_MAX_LENGTH = 10_000;

export const WebUrlSchema = text()
  .trim()
  .max(WEB_URL_MAX_LENGTH, `URLs are at most ${WEB_URL_MAX_LENGTH} characters`)
  .refine(isHttpUrl, "Enter a full web address starting with http:// or https:// (other schemes such as javascript: or file: are refused)");

const optionalText = (max: number) => text().trim().max(max).optional();

export const AddEvidenceInputSchema = z
  .object({
    stance: EvidenceStanceSchema,
    note: optionalText(EVIDENCE_NOTE_MAX_LENGTH),
    url: WebUrlSchema.optional(),
    title: optionalText(EVIDENCE_TITLE_MAX_LENGTH),
    publisher: optionalText(EVIDENCE_PUBLISHER_MAX_LENGTH),
    quote: optionalText(EVIDENCE_QUOTE_MAX_LENGTH),
    accessedAt: isoDateInput("Give accessedAt as YYYY-MM-DD or an ISO 8601 date and time").optional(),
    passageId: IdSchema.optional(),
    start: z.int().min(0).optional(),
    end: z.int().min(0).optional(),
    correctionNote: CorrectionNoteSchema.optional(),
  })
  .strict()
  .superRefine((input, context) => {
    const isWeb = input.url !== undefined;
    const isSpan = input.passageId !== undefined;
    const message = "Give either a source URL, or a passage with start and end, but not both";
    // Neither given reads as a missing URL (the web source is the form's default), so clients can word it as such.
    if (!isWeb && !isSpan) context.addIssue({ code: "invalid_type", expected: "string", input: undefined, path: ["url"], message });
    if (isWeb && isSpan) context.addIssue({ code: "custom", path: ["url"], message });
    if (isSpan && (input.start === undefined || input.end === undefined)) {
      context.addIssue({ code: "custom", path: ["start"], message: "A passage span needs start and end offsets" });
    }
  })
  .meta({ id: "AddEvidenceInput" });
export type AddEvidenceInput = z.input<typeof AddEvidenceInputSchema>;

export const EvidenceCaptureSchema = z
  .object({
    status: z.enum(["pending", "captured", "failed"]).describe("pending while the capture job runs (error then says why it is trying again)"),
    capturedAt: z.iso.datetime().nullable(),
    error: text().nullable().describe("Why the page could not be stored, in words"),
    snapshotUrl: text().nullable().describe("The stored copy, served sandboxed to members of the workspace"),
    httpStatus: z.int().nullable(),
  })
  .meta({ id: "EvidenceCapture" });
export type EvidenceCapture = z.infer<typeof EvidenceCaptureSchema>;

export const EvidenceHealthSchema = z
  .object({
    status: z.enum(["ok", "dead", "changed"]).describe("dead: the link answers 4xx/5xx or its name is gone; changed: the page differs from the stored copy"),
    checkedAt: z.iso.datetime().nullable(),
    problem: text().nullable(),
    unchangedAt: z.iso.datetime().nullable().describe("When the page's readable text was last found as captured (null if never since capture)"),
  })
  .meta({ id: "EvidenceHealth" });

export const EvidenceSchema = z
  .object({
    id: text(),
    kind: z.enum(["web", "passage"]),
    url: text().nullable(),
    title: text().nullable(),
    publisher: text().nullable(),
    quote: text().nullable(),
    accessedAt: z.iso.datetime().nullable(),
    passageId: text().nullable(),
    start: z.int().nullable(),
    end: z.int().nullable(),
    capture: EvidenceCaptureSchema.nullable().describe("The stored copy of a web source (null for passage spans)"),
    health: EvidenceHealthSchema.nullable().describe("What the link checker last found (null until it has checked)"),
  })
  .meta({ id: "Evidence" });
export type Evidence = z.infer<typeof EvidenceSchema>;

export const EvidenceLinkSchema = z
  .object({
    id: text().describe("The link between this claim and the evidence"),
    stance: EvidenceStanceSchema,
    note: text().nullable(),
    createdAt: z.iso.datetime(),
    createdBy: z.object({ id: text(), name: text() }),
    evidence: EvidenceSchema,
  })
  .meta({ id: "EvidenceLink" });
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const EvidenceLinkParamsSchema = z.object({ claimId: IdSchema, linkId: IdSchema });

/** Unlinking evidence from a published claim is a public correction: its note travels in the query. */
export const RemoveEvidenceQuerySchema = z.object({ correctionNote: CorrectionNoteSchema.optional() });
