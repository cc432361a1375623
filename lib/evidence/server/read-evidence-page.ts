import "server-only";
import { createHash } from "node:crypto";
import { extractionLimits } from "@/lib/passages/server/create-passage";
import { extractUploadedText } from "@/lib/passages/server/extract-text-off-thread";

const EXCERPT_LENGTH = 300;
const READABLE_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);

/** What a reader sees of a page: its title, the start of its text, and a hash of both that ignores markup. */
export type ReadablePage = { title: string | null; excerpt: string | null; textSha256: string | null };

/**
 * Reads a page as import by URL does (Readability, off the job's thread, with the same heap and time
 * limits as an uploaded page). `textSha256` covers the title and the readable text with runs of white
 * space made one, so a page whose markup, scripts, ads or timestamps outside the article change keeps
 * its hash; it is null for a page ClaimDesk cannot read (a PDF, an image), whose raw hash must do.
 */
export async function readEvidencePage(contentType: string, body: Buffer): Promise<ReadablePage> {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!READABLE_TYPES.has(mediaType)) return { title: null, excerpt: null, textSha256: null };
  try {
    const file = { fileName: "", contentType: mediaType === "application/xhtml+xml" ? "text/html" : contentType, content: body };
    const page = await extractUploadedText(file, extractionLimits());
    const title = page.metadata?.title ?? page.title;
    const words = page.text.replace(/\s+/g, " ").trim();
    const textSha256 = createHash("sha256")
      .update(`${(title ?? "").replace(/\s+/g, " ").trim()}\n${words}`)
      .digest("hex");
    return { title, excerpt: words === "" ? null : words.slice(0, EXCERPT_LENGTH), textSha256 };
  } catch {
    return { title: null, excerpt: null, textSha256: null };
  }
}
