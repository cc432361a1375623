import type { Metadata } from "next";
import { RatingScaleEditor } from "@/components/ratings/rating-scale-editor";
import Link from "next/link";
import { WorkspaceSettingsForm } from "@/components/workspaces/workspace-settings-form";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/settings`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Settings</h1>
      {can(workspace.role, "workspace.settings") ? (
        <>
          <WorkspaceSettingsForm workspace={workspace} />
          <RatingScaleEditor workspaceId={workspace.id} />
          <p>
            <Link href={`/w/${workspaceId}/settings/webhooks`}>Webhooks</Link>: tell other systems when claims are verified, rejected or published.
          </p>
        </>
      ) : (
        <p className="alert alert-info">Only owners change a workspace&rsquo;s settings. Ask an owner of {workspace.name}.</p>
      )}
    </div>
  );
}
