import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { ImportPassageForm } from "@/components/passages/import-passage-form";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Import a passage" };

export default async function ImportPassagePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/passages/new`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Import a passage</h1>
      <ImportPassageForm workspaceId={workspaceId} />
    </div>
  );
}
