import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { formatBytes } from "@/lib/http/format-bytes";
import { AppError } from "@/lib/http/errors";
import { normalizePassageText } from "@/lib/passages/normalize-text";
import { PASSAGE_TEXT_LIMIT_BYTES, PASSAGE_TITLE_MAX_LENGTH, type CreatePassageInput, type Passage } from "@/lib/passages/passage.schemas";
import { extractUploadedText } from "@/lib/passages/server/extract-text-off-thread";
import { assertTextNotInWorkspace } from "@/lib/passages/server/passage-duplicate";
import { passageSelect, toPassage } from "@/lib/passages/server/passage-view";
import type { PassageImport } from "@/lib/passages/server/read-passage-import";

type PassageMetadata = Omit<CreatePassageInput, "title" | "text" | "textFormat">;

/**
 * Imports a passage into a workspace: pasted text as it is, an uploaded file as its readable text.
 * Pasted text sent as `textFormat: "html"` (the paste form sends it when the text looks like HTML
 * source) is read like an uploaded HTML file: its text is stored, not its tags.
 */
export async function createPassage({
  actor,
  workspaceId,
  source,
}: {
  actor: Actor;
  workspaceId: string;
  source: PassageImport;
}): Promise<Passage> {
  await requireWorkspaceAccess(actor, workspaceId, "passage.create");
  const draft = await passageDraft(source);
  const text = storedText(draft.text, source.kind === "file" ? "file" : "text");
  const textHash = createHash("sha256").update(text).digest("hex");
  const { sourceUrl = null, publisher = null, author = null, language = null } = draft.metadata;
  const publishedAt = draft.metadata.publishedAt ? new Date(draft.metadata.publishedAt) : null;

  return db.$transaction(async (tx) => {
    await assertTextNotInWorkspace(tx, { workspaceId, textHash });
    const passage = await tx.passage.create({
      data: {
        workspaceId,
        createdById: actor.userId,
        title: draft.title,
        text,
        textHash,
        textLength: text.length,
        sourceUrl,
        publisher,
        author,
        publishedAt,
        language,
      },
      select: passageSelect,
    });
    await recordAuditEvents(tx, [
      {
        workspaceId,
        actorId: actor.userId,
        entityType: "passage",
        entityId: passage.id,
        action: "passage.created",
        after: {
          title: passage.title,
          textLength: passage.textLength,
          textHash,
          sourceUrl,
          publisher,
          author,
          publishedAt: publishedAt?.toISOString() ?? null,
          language,
        },
      },
    ]);
    return toPassage(passage);
  });
}

/** The limits of reading an uploaded file's text (HTML in a worker), for imports and revisions alike. */
export const extractionLimits = () => ({ timeLimitMs: Math.round(serverEnv().HTML_EXTRACTION_TIMEOUT_SECONDS * 1000) });

async function passageDraft(source: PassageImport): Promise<{ title: string; text: string; metadata: PassageMetadata }> {
  const limits = extractionLimits();
  if (source.kind === "text") {
    const { title, text, textFormat, ...metadata } = source.input;
    if (textFormat !== "html") return { title, text, metadata };
    const pasted = { fileName: "pasted.html", contentType: "text/html; charset=utf-8", content: new TextEncoder().encode(text) };
    return { title, text: (await extractUploadedText(pasted, limits)).text, metadata };
  }
  const { title, ...metadata } = source.fields;
  const extracted = await extractUploadedText(
    { fileName: source.file.name, contentType: source.file.contentType, content: source.file.content },
    limits,
  );
  const fallbackTitle = extracted.title ?? source.file.name.replace(/\.[a-z0-9]+$/i, "").trim();
  const defaultTitle = fallbackTitle.replace(/\u0000/g, "").slice(0, PASSAGE_TITLE_MAX_LENGTH) || "Untitled passage";
  return { title: title ?? defaultTitle, text: extracted.text, metadata };
}

/** Normalizes once, then checks what only the normalized text can tell: emptiness and size. Revisions store their text through it too. */
export function storedText(raw: string, field: "text" | "file"): string {
  const invalid = (message: string) => new AppError("validation_failed", message, { details: [{ path: ["body", field], message }] });
  if (raw.includes("\u0000")) throw invalid("The text contains NUL characters; is this a binary file? Import plain text, Markdown or HTML.");
  const text = normalizePassageText(raw);
  if (text.trim() === "") {
    throw invalid(field === "file" ? "The file has no readable text. Check that it is the right file." : "The text is empty; paste the passage.");
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > PASSAGE_TEXT_LIMIT_BYTES) {
    throw new AppError(
      "payload_too_large",
      `The passage text is ${(bytes / (1024 * 1024)).toFixed(2)} MB, over the limit of ${formatBytes(PASSAGE_TEXT_LIMIT_BYTES)}. Split it into several passages.`,
    );
  }
  return text;
}
