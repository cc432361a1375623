import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertRoleAllows, requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { Job } from "@/lib/jobs/job.schemas";
import { jobSelect, toJob } from "@/lib/jobs/server/job-view";

/** One job: its creator follows it (the import form), editors and owners see every job of the workspace. */
export async function getJob({ actor, workspaceId, jobId }: { actor: Actor; workspaceId: string; jobId: string }): Promise<Job> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const row = await db.job.findFirst({ where: { id: jobId, workspaceId }, select: jobSelect });
  if (!row) throw notFound("This job");
  if (row.createdBy?.id !== actor.userId) assertRoleAllows(access.role, "job.read");
  return toJob(row);
}
