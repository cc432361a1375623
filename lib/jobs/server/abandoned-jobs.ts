import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { JOB_SCHEMA } from "@/lib/jobs/server/job-boss";
import type { AnyJobKind } from "@/lib/jobs/server/job-kind";

/** How often each worker process looks for runs pg-boss ended behind the handler's back. */
export const ABANDONED_JOBS_SWEEP_SECONDS = 15;

type AbandonedRow = { id: string; kind: string; workspaceId: string; payload: unknown; state: "running" | "retry"; attempts: number; bossState: "failed" | "retry" };

/**
 * Records the runs pg-boss ended without the handler finishing: a run past its kind's
 * `expireInSeconds` (pg-boss fails it in the worker), or one whose worker stopped (pg-boss's
 * maintenance expires it). runJob never hears of these, so the job's row would say "running" for
 * ever and what it works on (an evidence capture) "pending". Each row is moved to what pg-boss
 * decided (retry, or failed when no attempt is left) with the reason in words, and its kind's
 * `abandoned` hook records it on the job's subject. Only this process's kinds: their hooks are here.
 * Returns how many rows it moved.
 */
export async function recordAbandonedJobs(kinds: readonly AnyJobKind[]): Promise<number> {
  if (kinds.length === 0) return 0;
  const names = kinds.map((kind) => kind.name);
  const boss = Prisma.raw(JOB_SCHEMA);
  // Job ids are pg-boss's ids (enqueueJob); the guard keeps a hand-made row from failing the cast.
  const bossId = Prisma.sql`CASE WHEN j.id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN j.id::uuid END`;
  const rows = await db.$queryRaw<AbandonedRow[]>`
    SELECT j.id, j.kind, j."workspaceId", j.payload, j.state::text AS state, j.attempts, b.state::text AS "bossState"
    FROM "Job" j JOIN ${boss}.job b ON b.name = j.kind AND b.id = ${bossId}
    WHERE j.state IN ('running', 'retry') AND j.kind = ANY(${names}::text[])
      AND (b.state = 'failed' OR (b.state = 'retry' AND j.state = 'running'))
    UNION ALL
    SELECT j.id, j.kind, j."workspaceId", j.payload, j.state::text, j.attempts, 'failed'
    FROM "Job" j JOIN ${boss}.archive b ON b.name = j.kind AND b.id = ${bossId}
    WHERE j.state IN ('running', 'retry') AND j.kind = ANY(${names}::text[]) AND b.state = 'failed'`;
  let moved = 0;
  for (const row of rows) {
    const kind = kinds.find((candidate) => candidate.name === row.kind);
    if (!kind) continue;
    const isFinal = row.bossState === "failed";
    const reason = `The job did not finish within its time limit (${kind.expireInSeconds} s), or the worker running it stopped.`;
    const message = isFinal ? (row.attempts > 1 ? `${reason} Tried ${row.attempts} times.` : reason) : `${reason} It will be tried again.`;
    // Guarded by the state read: a run that finished meanwhile, or an owner's cancel or retry, wins.
    const updated = await db.job.updateMany({
      where: { id: row.id, state: row.state },
      data: { state: isFinal ? "failed" : "retry", lastError: message, finishedAt: isFinal ? new Date() : null },
    });
    if (updated.count === 0) continue;
    moved += 1;
    const payload = kind.payload.safeParse(row.payload);
    if (!payload.success || !kind.abandoned) continue;
    try {
      await kind.abandoned(payload.data, { jobId: row.id, workspaceId: row.workspaceId, message, isFinal });
    } catch (error) {
      console.error(`Could not record the abandoned job ${kind.name} ${row.id} on its subject:`, error);
    }
  }
  return moved;
}
