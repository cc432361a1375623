import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { db } from "@/lib/db";
import { type Job, PENDING_JOB_STATES } from "@/lib/jobs/job.schemas";
import { jobSelect, toJob } from "@/lib/jobs/server/job-view";

const POLL_INTERVAL_MS = 100;

/**
 * The job once it has finished (completed, failed or cancelled), or as it stands after `waitMs`.
 * Reads the job's row, so it works whichever process runs the job.
 */
export async function waitForJob(jobId: string, waitMs: number): Promise<Job> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const row = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: jobSelect });
    if (!PENDING_JOB_STATES.includes(row.state) || Date.now() >= deadline) return toJob(row);
    await delay(Math.min(POLL_INTERVAL_MS, Math.max(0, deadline - Date.now())));
  }
}
