import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import type { Job } from "@/lib/jobs/job.schemas";
import { sendToQueue } from "@/lib/jobs/server/enqueue-job";
import { JOB_KINDS, queueBoss } from "@/lib/jobs/server/job-kinds";
import { jobSelect, toJob } from "@/lib/jobs/server/job-view";

type JobInput = { actor: Actor; workspaceId: string; jobId: string };

/**
 * Runs a failed or cancelled job again (owners), with one more attempt: pg-boss's copy is replaced by
 * a fresh one under the same id, so this works however long ago it failed (pg-boss archives old jobs).
 */
export async function retryJob({ actor, workspaceId, jobId }: JobInput): Promise<Job> {
  await requireWorkspaceAccess(actor, workspaceId, "job.manage");
  const updated = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM "Job" WHERE id = ${jobId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw notFound("This job");
    if (current.state !== "failed" && current.state !== "cancelled") {
      throw new AppError("conflict", `This job is ${current.state}; only a failed or cancelled job can be retried.`);
    }
    const row = await tx.job.update({
      where: { id: jobId },
      data: { state: "queued", maxAttempts: { increment: 1 }, finishedAt: null },
      select: { ...jobSelect, payload: true },
    });
    await recordAuditEvents(tx, [
      { workspaceId, actorId: actor.userId, entityType: "job", entityId: jobId, action: "job.retried", before: { state: current.state }, after: { state: "queued" } },
    ]);
    return row;
  });
  const boss = await queueBoss();
  await boss.deleteJob(updated.kind, jobId);
  await sendToQueue(boss, updated.kind, jobId, workspaceId, updated.payload, { retryLimit: 0 });
  return toJob(updated);
}

/**
 * Cancels a job that has not finished (owners). A running attempt is not interrupted; its outcome is
 * not recorded on the job. What the job works on hears it (its kind's `abandoned`), so a capture
 * says it was cancelled rather than pending for ever.
 */
export async function cancelJob({ actor, workspaceId, jobId }: JobInput): Promise<Job> {
  await requireWorkspaceAccess(actor, workspaceId, "job.manage");
  const updated = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM "Job" WHERE id = ${jobId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw notFound("This job");
    if (current.state !== "queued" && current.state !== "running" && current.state !== "retry") {
      throw new AppError("conflict", `This job is ${current.state} already; only a queued or running job can be cancelled.`);
    }
    const row = await tx.job.update({ where: { id: jobId }, data: { state: "cancelled", finishedAt: new Date() }, select: { ...jobSelect, payload: true } });
    await recordAuditEvents(tx, [
      { workspaceId, actorId: actor.userId, entityType: "job", entityId: jobId, action: "job.cancelled", before: { state: current.state }, after: { state: "cancelled" } },
    ]);
    return row;
  });
  await (await queueBoss()).cancel(updated.kind, jobId);
  const kind = JOB_KINDS.find((candidate) => candidate.name === updated.kind);
  const payload = kind?.payload.safeParse(updated.payload);
  if (kind?.abandoned && payload?.success) {
    await kind.abandoned(payload.data, { jobId, workspaceId, message: `Cancelled by ${actor.name}.`, isFinal: true });
  }
  return toJob(updated);
}
