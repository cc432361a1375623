import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { keysetPage, type Page } from "@/lib/http/pagination";
import type { Job, ListJobsQuery } from "@/lib/jobs/job.schemas";
import { jobSelect, toJob } from "@/lib/jobs/server/job-view";

/** A workspace's jobs, newest first, by keyset pagination (index on workspaceId, createdAt, id). */
export async function listJobs({ actor, workspaceId, query }: { actor: Actor; workspaceId: string; query: ListJobsQuery }): Promise<Page<Job>> {
  await requireWorkspaceAccess(actor, workspaceId, "job.read");
  const page = await keysetPage({
    query,
    order: { direction: "desc", columns: { createdAt: "date", id: "id" } },
    findRows: ({ after, orderBy, take }) =>
      db.job.findMany({ where: { AND: [{ workspaceId, ...(query.state ? { state: query.state } : {}) }, after] }, orderBy, take, select: jobSelect }),
  });
  return { items: page.items.map(toJob), nextCursor: page.nextCursor };
}
