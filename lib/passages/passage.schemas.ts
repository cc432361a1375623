import { z } from "zod";
import { isoDateInput } from "@/lib/http/date.schemas";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { PaginationQuerySchema } from "@/lib/http/pagination";
import { SEARCH_TERMS_MAX_LENGTH } from "@/lib/search/search.schemas";
import { isHttpUrl } from "@/lib/http/http-url";

/** Stored text is at most 5 MB, counted in UTF-8 bytes after normalization. */
export const PASSAGE_TEXT_LIMIT_BYTES = 5 * 1024 * 1024;
export const PASSAGE_TITLE_MAX_LENGTH = 300;
export const SOURCE_URL_MAX_LENGTH = 2048;
/** Publisher and author. */
export const PASSAGE_METADATA_MAX_LENGTH = 200;
export const LANGUAGE_TAG_MAX_LENGTH = 35;
/** The files an import accepts, for messages and for a file input's `accept`. */
export const ACCEPTED_PASSAGE_FILES = ".txt, .md or .html (.htm)";
export const PASSAGE_FILE_ACCEPT = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";


// Optional metadata: blank means "none" (form fields arrive as ""), null clears it on update.
const blankToNull = (value: string) => (value === "" ? null : value);

const metadataText = (label: string, max: number) =>
  text()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
    .transform(blankToNull)
    .nullable()
    .optional();

const TitleSchema = text({ error: "Enter a title" })
  .trim()
  .min(1, "Enter a title")
  .max(PASSAGE_TITLE_MAX_LENGTH, `Titles are at most ${PASSAGE_TITLE_MAX_LENGTH} characters`);

const SourceUrlSchema = text()
  .trim()
  .max(SOURCE_URL_MAX_LENGTH, `Source URLs are at most ${SOURCE_URL_MAX_LENGTH} characters`)
  .refine((value) => value === "" || isHttpUrl(value), "Use a web address that starts with http:// or https://")
  .transform(blankToNull)
  .nullable()
  .optional()
  .describe("Where the passage was published; http or https only");

const PublishedAtSchema = z
  .union([z.literal(""), isoDateInput("Enter the publication date as YYYY-MM-DD or an ISO 8601 date and time")], {
    error: "Enter the publication date as YYYY-MM-DD or an ISO 8601 date and time",
  })
  .transform(blankToNull)
  .nullable()
  .optional();

const LanguageSchema = text()
  .trim()
  .regex(new RegExp(`^([A-Za-z0-9-]{2,${LANGUAGE_TAG_MAX_LENGTH}})?$`), `Use a language tag such as en, de or pt-BR (2 to ${LANGUAGE_TAG_MAX_LENGTH} letters, digits and hyphens)`)
  .transform(blankToNull)
  .nullable()
  .optional()
  .describe("BCP 47 language tag, e.g. en or pt-BR");

const metadataShape = {
  sourceUrl: SourceUrlSchema,
  publisher: metadataText("Publisher", PASSAGE_METADATA_MAX_LENGTH),
  author: metadataText("Author", PASSAGE_METADATA_MAX_LENGTH),
  publishedAt: PublishedAtSchema,
  language: LanguageSchema,
};

export const PASTED_TEXT_FORMATS = ["text", "html"] as const;
export type PastedTextFormat = (typeof PASTED_TEXT_FORMATS)[number];
/** How pasted text is read (passages and revisions alike; lib/passages/server/create-passage.ts pastedText). */
export const PastedTextFormatSchema = z
  .enum(PASTED_TEXT_FORMATS)
  .optional()
  .describe(
    "`html`: HTML source, read like an uploaded .html file (its readable text is stored, not its tags). `text`: stored as sent. Left out: HTML source is recognized (a document tag, or element tags such as `<p>…</p>` or `<br>`; not prose like \"a < b\") and read as `html`; anything else as `text`",
  );

export const CreatePassageInputSchema = z
  .object({
    title: TitleSchema,
    text: text({ error: "Paste the passage text" })
      .refine((value) => value.trim() !== "", "The text is empty; paste the passage or upload a file")
      .describe("Stored normalized (Unicode NFC, \\n line ends); at most 5 MB of UTF-8"),
    textFormat: PastedTextFormatSchema,
    ...metadataShape,
  })
  .meta({ id: "CreatePassageInput" });
export type CreatePassageInput = z.infer<typeof CreatePassageInputSchema>;

/** Import by URL: the server fetches the page (lib/fetching/safe-fetch.ts) and reads its article. */
export const ImportPassageUrlInputSchema = z
  .strictObject({
    url: text({ error: "Enter the web address of the page" })
      .trim()
      .min(1, "Enter the web address of the page")
      .max(SOURCE_URL_MAX_LENGTH, `Web addresses are at most ${SOURCE_URL_MAX_LENGTH} characters`)
      .refine(isHttpUrl, "Use a web address that starts with http:// or https://")
      .describe("The page to import; http or https, public addresses only"),
    title: TitleSchema.optional().describe("Defaults to the page's own title"),
  })
  .meta({ id: "ImportPassageUrlInput" });
export type ImportPassageUrlInput = z.infer<typeof ImportPassageUrlInputSchema>;

/** The JSON bodies of `POST …/passages`: pasted text, or a URL to fetch. */
export const CreatePassageBodySchema = z.union([CreatePassageInputSchema, ImportPassageUrlInputSchema]);

/** The fields of a multipart upload: the same as JSON, with the text from `file` and the title optional. */
export const UploadPassageFieldsSchema = z.object({ title: TitleSchema.optional(), ...metadataShape });
export type UploadPassageFields = z.infer<typeof UploadPassageFieldsSchema>;

const TEXT_IS_IMMUTABLE =
  "The text changes only through a new revision, which re-anchors the passage's claims: POST /api/v1/passages/{id}/revisions with the passage's revision as If-Match.";

export const UpdatePassageInputSchema = z
  .strictObject(
    { title: TitleSchema.optional(), ...metadataShape },
    {
      error: (issue) => {
        if (issue.code !== "unrecognized_keys") return undefined;
        return issue.keys.includes("text") ? TEXT_IS_IMMUTABLE : `Only title and metadata can change; remove ${issue.keys.join(", ")}.`;
      },
    },
  )
  .meta({ id: "UpdatePassageInput" });
export type UpdatePassageInput = z.infer<typeof UpdatePassageInputSchema>;

export const PassageSchema = z
  .object({
    id: text(),
    workspaceId: text(),
    title: text(),
    text: text().describe("Normalized text; claim offsets count its UTF-16 code units"),
    textLength: z.int().describe("Length of `text` in UTF-16 code units"),
    revision: z.int().describe("The number of the newest revision, whose text `text` is (1 until the passage is revised); If-Match of a new revision names it"),
    sourceUrl: text().nullable(),
    publisher: text().nullable(),
    author: text().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    language: text().nullable(),
    snapshot: z
      .object({ id: text(), fetchedAt: z.iso.datetime(), url: text().describe("The stored copy: GET it (members only); it is served sandboxed") })
      .nullable()
      .describe("The page as ClaimDesk fetched it, for a passage imported by URL"),
    createdBy: z.object({ id: text(), name: text() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Passage" });
export type Passage = z.infer<typeof PassageSchema>;

export const PassageSummarySchema = PassageSchema.omit({ text: true })
  .extend({ claimCount: z.int().describe("Claims marked in this passage, not counting deleted ones") })
  .meta({ id: "PassageSummary" });
export type PassageSummary = z.infer<typeof PassageSummarySchema>;

export const ListPassagesQuerySchema = PaginationQuerySchema.extend({
  q: text().trim().max(SEARCH_TERMS_MAX_LENGTH, `Search terms are at most ${SEARCH_TERMS_MAX_LENGTH} characters`).optional().describe("Matches title, publisher or author"),
  sourceUrl: text().trim().max(SOURCE_URL_MAX_LENGTH, `Source URLs are at most ${SOURCE_URL_MAX_LENGTH} characters`).optional().describe("Only passages imported from exactly this address (the import form offers a new revision instead of a duplicate)"),
});
export type ListPassagesQuery = z.infer<typeof ListPassagesQuerySchema>;

export const PassageIdParamsSchema = z.object({ passageId: IdSchema });
