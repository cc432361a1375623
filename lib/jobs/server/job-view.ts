import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Job } from "@/lib/jobs/job.schemas";

export const jobSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  subject: true,
  state: true,
  attempts: true,
  maxAttempts: true,
  lastError: true,
  result: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.JobSelect;

type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

export function toJob(row: JobRow): Job {
  const result = row.result;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    result: result !== null && typeof result === "object" && !Array.isArray(result) ? (result as Record<string, unknown>) : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
