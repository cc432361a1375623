import "server-only";
import { z } from "zod";
import { insertSnapshot, snapshotOf } from "@/lib/capture/server/page-snapshot";
import { db } from "@/lib/db";
import { FETCH_RETRY_POLICY, isPassingFetchFailure, isPassingHttpStatus } from "@/lib/fetching/fetch-retry";
import { safeFetch, SafeFetchError } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { defineJobKind, permanentFailure, type AbandonedJobContext, type JobContext } from "@/lib/jobs/server/job-kind";
import { EVIDENCE_TITLE_MAX_LENGTH } from "@/lib/evidence/evidence.schemas";
import { announceEvidenceChange } from "@/lib/evidence/server/announce-evidence-change";
import { readEvidencePage } from "@/lib/evidence/server/read-evidence-page";

const CaptureEvidencePayloadSchema = z.object({ evidenceId: IdSchema, url: text().max(4096) });

type Attempt = Pick<JobContext, "attempt" | "maxAttempts">;

/**
 * Records why this attempt failed and tells open pages. A failure that may pass (a timeout, a 5xx, a
 * 429) with attempts left keeps the capture pending and says it will try again; otherwise the capture
 * has failed, and the evidence list says why (and how often it tried).
 */
async function recordFailure(evidence: { id: string; workspaceId: string }, failure: { message: string; httpStatus: number | null; isPassing: boolean }, attempt: Attempt) {
  const isFinal = !failure.isPassing || attempt.attempt >= attempt.maxAttempts;
  const error = isFinal && attempt.attempt > 1 ? `${failure.message} (tried ${attempt.attempt} times)` : isFinal ? failure.message : `Trying again: ${failure.message}`;
  await db.$transaction(async (tx) => {
    await tx.evidence.update({
      where: { id: evidence.id },
      data: { captureStatus: isFinal ? "failed" : "pending", captureError: error.slice(0, 500), captureHttpStatus: failure.httpStatus },
    });
    await announceEvidenceChange(tx, { workspaceId: evidence.workspaceId, evidenceId: evidence.id, action: isFinal ? "evidence.capture_failed" : "evidence.capture_retrying" });
  });
}

/**
 * Captures a web source as import by URL does (safeFetch, then a compressed snapshot with its hash),
 * so the verdict keeps its footing when the page changes or disappears. Fills in the title when the
 * evidence has none. Retried as URL import is (FETCH_RETRY_POLICY); every outcome is announced to open pages.
 */
export async function captureEvidence({ evidenceId, url }: { evidenceId: string; url: string }, attempt: Attempt): Promise<Record<string, unknown>> {
  const evidence = await db.evidence.findUnique({ where: { id: evidenceId }, select: { id: true, workspaceId: true, title: true } });
  if (!evidence) return { skipped: true };
  let fetched;
  try {
    fetched = await safeFetch(url, { accept: "any" });
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    const isPassing = isPassingFetchFailure(error);
    await recordFailure(evidence, { message: error.message, httpStatus: null, isPassing }, attempt);
    throw isPassing ? error : permanentFailure(error);
  }
  if (fetched.status < 200 || fetched.status > 299) {
    const message = `The page answered HTTP ${fetched.status}.`;
    const isPassing = isPassingHttpStatus(fetched.status);
    await recordFailure(evidence, { message, httpStatus: fetched.status, isPassing }, attempt);
    const failure = new AppError("fetch_failed", message);
    throw isPassing ? failure : permanentFailure(failure);
  }
  const snapshotData = await snapshotOf(fetched);
  const page = await readEvidencePage(fetched.contentType, fetched.body);
  const snapshot = await db.$transaction(async (tx) => {
    const stored = await insertSnapshot(tx, evidence.workspaceId, { ...snapshotData, textSha256: page.textSha256 });
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
        linkUnchangedAt: stored.fetchedAt,
        linkProblem: null,
        ...(evidence.title === null && page.title ? { title: page.title.slice(0, EVIDENCE_TITLE_MAX_LENGTH) } : {}),
      },
    });
    await announceEvidenceChange(tx, { workspaceId: evidence.workspaceId, evidenceId, action: "evidence.capture_succeeded" });
    return stored;
  });
  return { snapshotId: snapshot.id, finalUrl: fetched.finalUrl, httpStatus: fetched.status, sha256: snapshotData.sha256, title: page.title, excerpt: page.excerpt };
}

export const captureEvidenceJob = defineJobKind({
  name: "evidence.capture",
  payload: CaptureEvidencePayloadSchema,
  subject: (payload) => payload.url,
  retry: FETCH_RETRY_POLICY,
  expireInSeconds: 120,
  handler: (payload, context) => captureEvidence(payload, context),
  abandoned: (payload, context) => recordAbandonedCapture(payload.evidenceId, context),
});

/** A capture whose run ran out of time or lost its worker: still pending, it says so (and fails when no attempt is left). */
async function recordAbandonedCapture(evidenceId: string, { workspaceId, message, isFinal }: AbandonedJobContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.evidence.updateMany({
      where: { id: evidenceId, workspaceId, captureStatus: "pending" },
      data: { captureStatus: isFinal ? "failed" : "pending", captureError: message.slice(0, 500), captureHttpStatus: null },
    });
    if (updated.count === 0) return;
    await announceEvidenceChange(tx, { workspaceId, evidenceId, action: isFinal ? "evidence.capture_failed" : "evidence.capture_retrying" });
  });
}
