import { z } from "zod";
import { text } from "@/lib/http/text.schemas";

export const CORRECTION_NOTE_MAX_LENGTH = 2000;

/** The public note a change to a published fact-check must carry (shown on its page and in the feeds). */
export const CorrectionNoteSchema = text()
  .trim()
  .min(1, "The correction note cannot be empty")
  .max(CORRECTION_NOTE_MAX_LENGTH, `Correction notes are at most ${CORRECTION_NOTE_MAX_LENGTH} characters`)
  .describe("Public note explaining the change; required when the claim is published (shown on its fact-check page)");

export const PublicationSchema = z
  .object({
    slug: text(),
    url: text().describe("The public fact-check page (absolute when PUBLIC_URL is set)"),
    publishedAt: z.iso.datetime().describe("When it was first published"),
    modifiedAt: z.iso.datetime().describe("The last publish or correction: the page's dateModified"),
    withdrawnAt: z.iso.datetime().nullable().describe("Set while the fact-check is withdrawn"),
  })
  .meta({ id: "Publication" });
export type Publication = z.infer<typeof PublicationSchema>;

/** One recorded change of a correction: which public field, and its value before and after. */
export type CorrectionChange = { field: "verdict" | "verdictNote" | "statement" | "evidence"; before: unknown; after: unknown };
