import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { JobList } from "@/components/jobs/job-list";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { listJobs } from "@/lib/jobs/server/list-jobs";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/jobs`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const canSee = can(workspace.role, "job.read");
  const jobs = canSee ? await listJobs({ actor, workspaceId, query: { limit: 100 } }) : null;
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Jobs</h1>
      <p className="muted">Work ClaimDesk does in the background for this workspace, such as importing pages by their web address.</p>
      {jobs ? (
        <JobList workspaceId={workspaceId} initialJobs={jobs} canManage={can(workspace.role, "job.manage")} />
      ) : (
        <p className="alert alert-info">Editors and owners see the workspace&rsquo;s jobs.</p>
      )}
    </div>
  );
}
