import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { Job } from "@/lib/jobs/job.schemas";
import { jobSelect, toJob } from "@/lib/jobs/server/job-view";

/** One job: its creator follows it (the import form), editors and owners see every job of the workspace. */
export async function getJob({ actor, workspaceId, jobId }: { actor: Actor; workspaceId: string; jobId: string }): Promise<Job> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const row = await db.job.findFirst({ where: { id: jobId, workspaceId }, select: jobSelect });
  if (!row || (row.createdBy?.id !== actor.userId && !can(access.role, "job.read"))) throw notFound("This job");
  return toJob(row);
}
