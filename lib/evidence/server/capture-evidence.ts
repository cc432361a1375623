import "server-only";
import { z } from "zod";
import { insertSnapshot, snapshotOf } from "@/lib/capture/server/page-snapshot";
import { db } from "@/lib/db";
import { safeFetch, SafeFetchError } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { defineJobKind, permanentFailure } from "@/lib/jobs/server/job-kind";
import { extractionLimits } from "@/lib/passages/server/create-passage";
import { extractUploadedText } from "@/lib/passages/server/extract-text-off-thread";
import { EVIDENCE_TITLE_MAX_LENGTH } from "@/lib/evidence/evidence.schemas";

const EXCERPT_LENGTH = 300;
const READABLE_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);

const CaptureEvidencePayloadSchema = z.object({ evidenceId: IdSchema, url: text().max(4096) });

/**
 * The page's title and the start of its readable text, when it is a page ClaimDesk can read: read off
 * the job's thread with the same heap and time limits as an uploaded or URL-imported page.
 */
async function readablePage(contentType: string, body: Buffer): Promise<{ title: string | null; excerpt: string | null }> {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!READABLE_TYPES.has(mediaType)) return { title: null, excerpt: null };
  try {
    const file = { fileName: "", contentType: mediaType === "application/xhtml+xml" ? "text/html" : contentType, content: body };
    const page = await extractUploadedText(file, extractionLimits());
    const excerpt = page.text.replace(/\s+/g, " ").trim().slice(0, EXCERPT_LENGTH);
    return { title: page.metadata?.title ?? page.title, excerpt: excerpt === "" ? null : excerpt };
  } catch {
    return { title: null, excerpt: null };
  }
}

/** A failed capture is recorded at once (the evidence list says why); a passing failure is retried and may still succeed. */
async function recordFailure(evidenceId: string, error: string, httpStatus: number | null) {
  await db.evidence.update({ where: { id: evidenceId }, data: { captureStatus: "failed", captureError: error.slice(0, 500), captureHttpStatus: httpStatus } });
}

/**
 * Captures a web source as import by URL does (safeFetch, then a compressed snapshot with its hash),
 * so the verdict keeps its footing when the page changes or disappears. Fills in the title when the
 * evidence has none.
 */
export async function captureEvidence({ evidenceId, url }: { evidenceId: string; url: string }): Promise<Record<string, unknown>> {
  const evidence = await db.evidence.findUnique({ where: { id: evidenceId }, select: { id: true, workspaceId: true, title: true } });
  if (!evidence) return { skipped: true };
  let fetched;
  try {
    fetched = await safeFetch(url, { accept: "any" });
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    await recordFailure(evidenceId, error.message, null);
    const isPassing = error.reason === "timeout" || error.reason === "connection";
    throw isPassing ? error : permanentFailure(error);
  }
  if (fetched.status < 200 || fetched.status > 299) {
    const message = `The page answered HTTP ${fetched.status}.`;
    await recordFailure(evidenceId, message, fetched.status);
    const failure = new AppError("fetch_failed", message);
    throw fetched.status >= 500 || fetched.status === 429 ? failure : permanentFailure(failure);
  }
  const snapshotData = await snapshotOf(fetched);
  const page = await readablePage(fetched.contentType, fetched.body);
  const snapshot = await db.$transaction(async (tx) => {
    const stored = await insertSnapshot(tx, evidence.workspaceId, snapshotData);
    await tx.evidence.update({
      where: { id: evidenceId },
      data: {
        captureStatus: "captured",
        capturedAt: stored.fetchedAt,
        captureError: null,
        captureHttpStatus: fetched.status,
        snapshotId: stored.id,
        linkHealth: "ok",
        linkCheckedAt: stored.fetchedAt,
        linkProblem: null,
        ...(evidence.title === null && page.title ? { title: page.title.slice(0, EVIDENCE_TITLE_MAX_LENGTH) } : {}),
      },
    });
    return stored;
  });
  return { snapshotId: snapshot.id, finalUrl: fetched.finalUrl, httpStatus: fetched.status, sha256: snapshotData.sha256, title: page.title, excerpt: page.excerpt };
}

export const captureEvidenceJob = defineJobKind({
  name: "evidence.capture",
  payload: CaptureEvidencePayloadSchema,
  subject: (payload) => payload.url,
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 120,
  handler: (payload) => captureEvidence(payload),
});
