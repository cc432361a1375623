import "server-only";
import type PgBoss from "pg-boss";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { ABANDONED_JOBS_SWEEP_SECONDS, recordAbandonedJobs } from "@/lib/jobs/server/abandoned-jobs";
import { createJobBoss, JOB_SCHEMA } from "@/lib/jobs/server/job-boss";
import { type AnyJobKind, isMarkedPermanent } from "@/lib/jobs/server/job-kind";
import { JOB_KINDS } from "@/lib/jobs/server/job-kinds";

type QueuedData = { workspaceId: string; payload: unknown };

export type JobWorkers = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts `concurrency` workers per kind in this process (`npm start` runs them in scripts/worker.ts,
 * `npm run worker` alone). pg-boss hands each job to one worker (SELECT … FOR UPDATE SKIP LOCKED), so
 * any number of processes may run workers on one database and each job runs once.
 */
export async function startJobWorkers({
  kinds = JOB_KINDS,
  concurrency,
  connectionString,
  pollingIntervalSeconds = 0.5,
  abandonedSweepSeconds = ABANDONED_JOBS_SWEEP_SECONDS,
}: {
  kinds?: readonly AnyJobKind[];
  concurrency: number;
  connectionString?: string;
  pollingIntervalSeconds?: number;
  abandonedSweepSeconds?: number;
}): Promise<JobWorkers> {
  const boss = await createJobBoss(kinds, { connectionString, isWorker: true });
  for (const kind of kinds) {
    for (let index = 0; index < concurrency; index += 1) {
      await boss.work<QueuedData>(kind.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (job) return runJob(boss, kind, job);
      });
    }
  }
  const sweep = setInterval(() => {
    recordAbandonedJobs(kinds).catch((error: unknown) => console.error("Could not look for abandoned jobs:", error));
  }, abandonedSweepSeconds * 1000);
  sweep.unref();
  return {
    boss,
    stop: () => {
      clearInterval(sweep);
      return boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}

/** A 4xx AppError (refused URL, duplicate, bad payload) or a marked error fails for good: waiting will not change the answer. */
function isPermanent(error: unknown): boolean {
  return (error instanceof AppError && error.status < 500) || error instanceof ZodError || isMarkedPermanent(error);
}

/** One run of a job: its row follows the run (running, then completed, retry or failed). */
async function runJob(boss: PgBoss, kind: AnyJobKind, job: PgBoss.JobWithMetadata<QueuedData>): Promise<unknown> {
  // Counted on the row, so attempts add up across an owner's retries (each a fresh pg-boss job).
  const [started] = await db.$queryRaw<{ attempts: number; maxAttempts: number }[]>`
    UPDATE "Job" SET state = 'running', attempts = attempts + 1, "startedAt" = now(), "finishedAt" = NULL, "updatedAt" = now()
    WHERE id = ${job.id} AND state <> 'cancelled'
    RETURNING attempts, "maxAttempts"`;
  // Cancelled meanwhile, or its workspace is gone.
  if (!started) return { skipped: true };
  const attempt = started.attempts;
  try {
    const payload: unknown = kind.payload.parse(job.data.payload);
    const result = await kind.handler(payload, {
      jobId: job.id,
      workspaceId: job.data.workspaceId,
      attempt,
      maxAttempts: started.maxAttempts,
    });
    await db.job.updateMany({
      where: { id: job.id, state: "running" },
      data: { state: "completed", result: result as Prisma.InputJsonValue, lastError: null, finishedAt: new Date() },
    });
    return result;
  } catch (error) {
    const isFinal = isPermanent(error) || job.retryCount >= job.retryLimit;
    if (!(error instanceof AppError)) console.error(`Job ${kind.name} ${job.id} failed (attempt ${attempt}):`, error);
    await db.job.updateMany({
      where: { id: job.id, state: "running" },
      data: {
        state: isFinal ? "failed" : "retry",
        lastError: error instanceof AppError ? error.message : "The job stopped on an unexpected error (logged on the server).",
        result: error instanceof AppError ? ({ error: { code: error.code, details: error.details ?? null } } as Prisma.InputJsonValue) : undefined,
        finishedAt: isFinal ? new Date() : null,
      },
    });
    if (isPermanent(error)) {
      // pg-boss retries until retry_limit; a permanent failure spends the rest now.
      await boss.getDb().executeSql(`UPDATE ${JOB_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [kind.name, job.id]);
    }
    throw error;
  }
}
