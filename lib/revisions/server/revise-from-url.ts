import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { checkFetchableUrl } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";
import type { Job } from "@/lib/jobs/job.schemas";
import { enqueueJob } from "@/lib/jobs/server/enqueue-job";
import { jobError } from "@/lib/jobs/server/job-error";
import { waitForJob } from "@/lib/jobs/server/wait-for-job";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import type { CreateRevisionAnswer, CreateRevisionFromUrlInput } from "@/lib/revisions/revision.schemas";
import { revisionAnswerReference } from "@/lib/revisions/server/revision-answer-reference";
import { reviseFromUrlJob } from "@/lib/revisions/server/revise-from-url-job";

export type UrlRevisionOutcome = { status: 201; answer: CreateRevisionAnswer } | { status: 202; job: Job };

/**
 * `POST /passages/{id}/revisions { url }`: refuses what it can at once (no right to revise, a stale
 * If-Match, a private address), queues the fetch as a job, and waits up to `waitMs` for it, as an
 * import by URL does: the saved revision (201), the job's error when it failed for good, else the job (202).
 */
export async function reviseFromUrl({
  actor,
  passageId,
  expectedRevision,
  input,
  waitMs,
}: {
  actor: Actor;
  passageId: string;
  expectedRevision: number;
  input: CreateRevisionFromUrlInput;
  waitMs: number;
}): Promise<UrlRevisionOutcome> {
  const { passage } = await requirePassageAccess(actor, passageId, "passage.manage");
  if (passage.revision !== expectedRevision) {
    throw new AppError("precondition_failed", `Someone saved revision ${passage.revision} of this passage meanwhile. Read it, then fetch the page again.`, {
      details: { current: { revision: passage.revision } },
      headers: { ETag: `"${passage.revision}"` },
    });
  }
  const url = await checkFetchableUrl(input.url);
  const queued = await enqueueJob(
    reviseFromUrlJob,
    { passageId, url: url.href, note: input.note, expectedRevision, requestedById: actor.userId },
    { workspaceId: passage.workspaceId, createdById: actor.userId },
  );
  const job = await waitForJob(queued.id, waitMs);
  if (job.state === "completed") return { status: 201, answer: await revisionAnswerReference.fromReference(job.result?.answer ?? null) };
  if (job.state === "failed") throw jobError(job, "The revision could not be fetched.");
  return { status: 202, job };
}
