import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { checkFetchableUrl } from "@/lib/fetching/safe-fetch";
import type { Job } from "@/lib/jobs/job.schemas";
import { enqueueJob } from "@/lib/jobs/server/enqueue-job";
import { jobError } from "@/lib/jobs/server/job-error";
import { waitForJob } from "@/lib/jobs/server/wait-for-job";
import type { ImportPassageUrlInput, Passage } from "@/lib/passages/passage.schemas";
import { importUrlJob } from "@/lib/passages/server/import-url-job";
import { assertUrlNotInWorkspace } from "@/lib/passages/server/passage-duplicate";
import { passageSelect, toPassage } from "@/lib/passages/server/passage-view";

export type UrlImportOutcome = { status: 201; passage: Passage } | { status: 202; job: Job };

/**
 * `POST …/passages { url }`: refuses what it can at once (a private address, a URL already imported),
 * queues the fetch as a job, and waits up to `waitMs` for it: the passage when it is done (201), its
 * error when it failed for good, else the job to follow (202).
 */
export async function importPassageFromUrl({
  actor,
  workspaceId,
  input,
  waitMs,
}: {
  actor: Actor;
  workspaceId: string;
  input: ImportPassageUrlInput;
  waitMs: number;
}): Promise<UrlImportOutcome> {
  await requireWorkspaceAccess(actor, workspaceId, "passage.create");
  const url = await checkFetchableUrl(input.url);
  await assertUrlNotInWorkspace(workspaceId, [input.url, url.href]);
  const queued = await enqueueJob(importUrlJob, { url: url.href, title: input.title, requestedById: actor.userId }, { workspaceId, createdById: actor.userId });
  const job = await waitForJob(queued.id, waitMs);
  if (job.state === "completed") {
    const passageId = String(job.result?.passageId ?? "");
    const row = await db.passage.findUniqueOrThrow({ where: { id: passageId }, select: passageSelect });
    return { status: 201, passage: toPassage(row) };
  }
  if (job.state === "failed") throw jobError(job, "The import failed.");
  return { status: 202, job };
}
