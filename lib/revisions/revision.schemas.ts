import { z } from "zod";
import { ACCEPTED_PASSAGE_FILES, ImportPassageUrlInputSchema, PassageSchema, PastedTextFormatSchema } from "@/lib/passages/passage.schemas";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { QUOTE_CONTEXT_MAX_LENGTH, QUOTE_EXACT_MAX_LENGTH } from "@/lib/claims/claim.schemas";

export const REVISION_NOTE_MAX_LENGTH = 1000;

const NoteSchema = text()
  .trim()
  .max(REVISION_NOTE_MAX_LENGTH, `Revision notes are at most ${REVISION_NOTE_MAX_LENGTH} characters`)
  .optional()
  .describe("What changed and why (\"Corrected the unemployment figure\")");

export const CreateRevisionInputSchema = z
  .object({
    text: text({ error: "Paste the new text of the passage" })
      .refine((value) => value.trim() !== "", "The text is empty; paste the new text of the passage or upload a file")
      .describe("The whole new text; stored normalized like an import (Unicode NFC, \\n line ends), at most 5 MB of UTF-8"),
    textFormat: PastedTextFormatSchema,
    note: NoteSchema,
  })
  .strict()
  .meta({ id: "CreateRevisionInput" });
export type CreateRevisionInput = z.infer<typeof CreateRevisionInputSchema>;

/** A new revision fetched from a web address, read and captured as an import by URL is. */
export const CreateRevisionFromUrlInputSchema = z
  .strictObject({
    url: ImportPassageUrlInputSchema.shape.url.describe("The page to fetch again (usually the passage's source); http or https, public addresses only"),
    note: NoteSchema,
  })
  .meta({ id: "CreateRevisionFromUrlInput" });
export type CreateRevisionFromUrlInput = z.infer<typeof CreateRevisionFromUrlInputSchema>;

/** The JSON bodies of `POST …/revisions`: the new text, or a web address to fetch it from. */
export const CreateRevisionBodySchema = z.union([CreateRevisionInputSchema, CreateRevisionFromUrlInputSchema]);

/** The fields of a multipart upload: the note, with the text taken from `file`. */
export const UploadRevisionFieldsSchema = z.object({ note: NoteSchema });
export type UploadRevisionFields = z.infer<typeof UploadRevisionFieldsSchema>;

export const UploadRevisionInputSchema = UploadRevisionFieldsSchema.extend({
  file: text().meta({ format: "binary", description: `A ${ACCEPTED_PASSAGE_FILES} file; HTML is reduced to its readable text, as on import.` }),
}).meta({ id: "UploadRevisionInput" });

export const RevisionParamsSchema = z.object({
  passageId: IdSchema,
  number: z.coerce.number({ error: "The revision number is a whole number from 1" }).int().min(1).max(1_000_000),
});

export const PassageRevisionSchema = z
  .object({
    number: z.int().describe("1 is the text as imported"),
    createdAt: z.iso.datetime(),
    createdBy: z.object({ id: text(), name: text() }).nullable().describe("Null when the account is gone"),
    note: text().nullable(),
    textHash: text().describe("SHA-256 of the text, hex"),
    textLength: z.int().describe("UTF-16 code units"),
    snapshot: PassageSchema.shape.snapshot
      .unwrap()
      .optional()
      .describe("The page as ClaimDesk fetched it for this revision (imported or re-imported by URL); absent for pasted or uploaded text"),
  })
  .meta({ id: "PassageRevision" });
export type PassageRevision = z.infer<typeof PassageRevisionSchema>;

export const PassageRevisionWithTextSchema = PassageRevisionSchema.extend({ text: text() }).meta({ id: "PassageRevisionWithText" });
export type PassageRevisionWithText = z.infer<typeof PassageRevisionWithTextSchema>;

export const PassageRevisionListSchema = z
  .object({ items: z.array(PassageRevisionSchema).describe("Every revision, newest first; a passage never revised has one, its import") })
  .meta({ id: "PassageRevisionList" });
export type PassageRevisionList = z.infer<typeof PassageRevisionListSchema>;

export const ReanchorCountsSchema = z
  .object({ exact: z.int(), moved: z.int(), changed: z.int(), orphaned: z.int() })
  .describe("How the passage's live claims were re-anchored (claims already orphaned stay so and count as orphaned)")
  .meta({ id: "ReanchorCounts" });
export type ReanchorCounts = z.infer<typeof ReanchorCountsSchema>;

export const CreateRevisionAnswerSchema = z
  .object({
    passage: PassageSchema,
    revision: PassageRevisionSchema.pick({ number: true, createdAt: true, createdBy: true, note: true, textHash: true, snapshot: true }),
    reanchor: ReanchorCountsSchema,
  })
  .meta({ id: "CreateRevisionAnswer" });
export type CreateRevisionAnswer = z.infer<typeof CreateRevisionAnswerSchema>;

const PlaceByPositionSchema = z.object({ action: z.literal("place"), start: z.int().min(0), end: z.int().min(1) }).strict();
const PlaceByQuoteSchema = z
  .object({
    action: z.literal("place"),
    exact: text().min(1, "The quote cannot be empty").max(QUOTE_EXACT_MAX_LENGTH),
    prefix: text().max(QUOTE_CONTEXT_MAX_LENGTH).optional(),
    suffix: text().max(QUOTE_CONTEXT_MAX_LENGTH).optional(),
  })
  .strict();

export const SetClaimAnchorInputSchema = z
  .union(
    [
      z.object({ action: z.literal("confirm") }).strict().describe("The `changed` anchor is right: the claim now quotes the edited words"),
      PlaceByPositionSchema.describe("Place the claim on a span of the newest revision"),
      PlaceByQuoteSchema.describe("Place the claim on a quote of the newest revision (unique, or told apart by prefix and suffix)"),
      z.object({ action: z.literal("orphan") }).strict().describe("Its words are gone: leave it orphaned, confirmed by a person"),
    ],
    { error: 'Send { "action": "confirm" }, { "action": "place", "start", "end" }, { "action": "place", "exact", "prefix?", "suffix?" } or { "action": "orphan" }' },
  )
  .meta({ id: "SetClaimAnchorInput" });
export type SetClaimAnchorInput = z.infer<typeof SetClaimAnchorInputSchema>;
