import "server-only";
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { Job } from "@/lib/jobs/job.schemas";
import type { JobKind } from "@/lib/jobs/server/job-kind";
import { queueBoss } from "@/lib/jobs/server/job-kinds";
import { jobSelect, toJob } from "@/lib/jobs/server/job-view";

/**
 * Queues a job for a workspace, from a request or a job: writes its row (what the jobs page lists)
 * and hands it to pg-boss under the same id. Call it after the transaction whose change the job
 * follows has committed, so a worker never runs before the data it reads exists.
 */
export async function enqueueJob<Payload>(
  kind: JobKind<Payload>,
  payload: Payload,
  {
    workspaceId,
    createdById,
    boss,
    startAfterSeconds,
  }: { workspaceId: string; createdById: string | null; boss?: PgBoss; /** Queued now, run no sooner than this. */ startAfterSeconds?: number },
): Promise<Job> {
  const data = kind.payload.parse(payload);
  const id = randomUUID();
  const row = await db.job.create({
    data: {
      id,
      workspaceId,
      kind: kind.name,
      subject: kind.subject(data).slice(0, 2048),
      payload: data as Prisma.InputJsonValue,
      maxAttempts: kind.retry.limit + 1,
      createdById,
    },
    select: jobSelect,
  });
  try {
    await sendToQueue(boss ?? (await queueBoss()), kind.name, id, workspaceId, data, startAfterSeconds === undefined ? {} : { startAfter: startAfterSeconds });
  } catch (error) {
    console.error("Could not queue a job:", error);
    await db.job.update({
      where: { id },
      data: { state: "failed", lastError: "The job could not be queued; try again.", finishedAt: new Date() },
    });
    throw new AppError("unavailable", "The job queue is not reachable right now; try again in a moment.", { headers: { "Retry-After": "5" } });
  }
  return toJob(row);
}

/**
 * pg-boss's copy of a job: the payload and the workspace, under the job's id; `retryLimit` overrides
 * the kind's (a retry by hand is one more attempt); `startAfter` (seconds) holds it back.
 */
export async function sendToQueue(
  boss: PgBoss,
  kindName: string,
  id: string,
  workspaceId: string,
  payload: unknown,
  options: { retryLimit?: number; startAfter?: number } = {},
): Promise<void> {
  await boss.send(kindName, { workspaceId, payload: payload as object }, { id, ...options });
}
