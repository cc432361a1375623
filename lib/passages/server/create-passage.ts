import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { emitWebhookEvent } from "@/lib/webhooks/server/emit-webhook-event";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { formatBytes } from "@/lib/http/format-bytes";
import { AppError } from "@/lib/http/errors";
import { normalizePassageText } from "@/lib/passages/normalize-text";
import {
  LANGUAGE_TAG_MAX_LENGTH,
  PASSAGE_METADATA_MAX_LENGTH,
  PASSAGE_TEXT_LIMIT_BYTES,
  PASSAGE_TITLE_MAX_LENGTH,
  type CreatePassageInput,
  type Passage,
  type PastedTextFormat,
} from "@/lib/passages/passage.schemas";
import { looksLikeHtml } from "@/lib/passages/looks-like-html";
import { extractUploadedText } from "@/lib/passages/server/extract-text-off-thread";
import { assertTextNotInWorkspace } from "@/lib/passages/server/passage-duplicate";
import { passageSelect, toPassage } from "@/lib/passages/server/passage-view";
import type { PassageImport } from "@/lib/passages/server/read-passage-import";
import { assertJobNotCancelled } from "@/lib/jobs/server/assert-job-not-cancelled";
import { insertSnapshot, type SnapshotData } from "@/lib/capture/server/page-snapshot";
import type { PageMetadata } from "@/lib/passages/page-metadata";

type PassageMetadata = Omit<CreatePassageInput, "title" | "text" | "textFormat">;

/** A page fetched by the import-by-URL job: its body is read like an upload of its type, and kept as a snapshot. */
export type FetchedPageSource = {
  kind: "page";
  title?: string;
  sourceUrl: string;
  contentType: string;
  content: Uint8Array;
  snapshot: SnapshotData;
  /** The import job writing it: nothing is created if the job was cancelled meanwhile. */
  jobId: string;
};

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
  source: Exclude<PassageImport, { kind: "url" }> | FetchedPageSource;
}): Promise<Passage> {
  await requireWorkspaceAccess(actor, workspaceId, "passage.create");
  const draft = source.kind === "page" ? await pageDraft(source) : await passageDraft(source);
  const text = storedText(draft.text, source.kind === "text" ? "text" : source.kind === "file" ? "file" : "url");
  const textHash = createHash("sha256").update(text).digest("hex");
  const { sourceUrl = null, publisher = null, author = null, language = null } = draft.metadata;
  const publishedAt = draft.metadata.publishedAt ? new Date(draft.metadata.publishedAt) : null;

  return db.$transaction(async (tx) => {
    if (source.kind === "page") await assertJobNotCancelled(tx, source.jobId);
    await assertTextNotInWorkspace(tx, { workspaceId, textHash });
    const snapshot = source.kind === "page" ? await insertSnapshot(tx, workspaceId, source.snapshot) : null;
    const passage = await tx.passage.create({
      data: {
        snapshotId: snapshot?.id ?? null,
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
    await emitWebhookEvent(tx, {
      workspaceId,
      type: "passage.created",
      payload: { passage: { id: passage.id, title: passage.title, sourceUrl, publisher, author, publishedAt: publishedAt?.toISOString() ?? null, language, textLength: passage.textLength } },
    });
    return toPassage(passage);
  });
}

/** The limits of reading an uploaded file's text (HTML in a worker), for imports and revisions alike. */
export const extractionLimits = () => ({ timeLimitMs: Math.round(serverEnv().HTML_EXTRACTION_TIMEOUT_SECONDS * 1000) });

async function pageDraft(source: FetchedPageSource): Promise<{ title: string; text: string; metadata: PassageMetadata }> {
  const extracted = await extractUploadedText({ fileName: "", contentType: source.contentType, content: source.content }, extractionLimits());
  const page: Partial<PageMetadata> = extracted.metadata ?? {};
  const fallbackTitle = new URL(source.sourceUrl).hostname;
  const title = source.title ?? clip(page.title ?? extracted.title ?? fallbackTitle, PASSAGE_TITLE_MAX_LENGTH);
  return {
    title: title || fallbackTitle,
    text: extracted.text,
    metadata: {
      sourceUrl: source.sourceUrl,
      author: clipOrNull(page.author, PASSAGE_METADATA_MAX_LENGTH),
      publisher: clipOrNull(page.publisher, PASSAGE_METADATA_MAX_LENGTH),
      publishedAt: storableDate(page.publishedAt),
      language: page.language && LANGUAGE_TAG.test(page.language) ? page.language : null,
    },
  };
}

const LANGUAGE_TAG = new RegExp(`^[A-Za-z0-9-]{2,${LANGUAGE_TAG_MAX_LENGTH}}$`);

function clip(value: string, max: number): string {
  return value.replace(/\u0000/g, "").slice(0, max).trim();
}

function clipOrNull(value: string | null | undefined, max: number): string | null {
  return value ? clip(value, max) || null : null;
}

/** A page's stated date when it is one a passage can hold (years 1000–9999); anything else is left out. */
function storableDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1000 || year > 9999 ? null : date.toISOString();
}

async function passageDraft(source: Exclude<PassageImport, { kind: "url" }>): Promise<{ title: string; text: string; metadata: PassageMetadata }> {
  const limits = extractionLimits();
  if (source.kind === "text") {
    const { title, text, textFormat, ...metadata } = source.input;
    return { title, text: await pastedText(text, textFormat), metadata };
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

/**
 * Pasted text as a passage or revision keeps it: HTML source (`textFormat: "html"`, or no textFormat and
 * the text looks like HTML source, as the paste form decides) is read like an uploaded .html file, so
 * its readable text is stored, not its tags; `textFormat: "text"` keeps the text as sent.
 */
export async function pastedText(text: string, textFormat: PastedTextFormat | undefined): Promise<string> {
  const isHtml = textFormat === "html" || (textFormat === undefined && looksLikeHtml(text));
  if (!isHtml) return text;
  const pasted = { fileName: "pasted.html", contentType: "text/html; charset=utf-8", content: new TextEncoder().encode(text) };
  return (await extractUploadedText(pasted, extractionLimits())).text;
}

/** Normalizes once, then checks what only the normalized text can tell: emptiness and size. Revisions store their text through it too. */
export function storedText(raw: string, field: "text" | "file" | "url"): string {
  const invalid = (message: string) => new AppError("validation_failed", message, { details: [{ path: ["body", field], message }] });
  if (raw.includes("\u0000")) throw invalid("The text contains NUL characters; is this a binary file? Import plain text, Markdown or HTML.");
  const text = normalizePassageText(raw);
  if (text.trim() === "") {
    throw invalid(
      field === "file"
        ? "The file has no readable text. Check that it is the right file."
        : field === "url"
          ? "The page has no readable text; it may be built by scripts. Copy its text and paste it instead."
          : "The text is empty; paste the passage.",
    );
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
