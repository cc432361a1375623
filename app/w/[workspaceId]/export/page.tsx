import type { Metadata } from "next";
import { ExportPanel } from "@/components/exports/export-panel";
import { ImportPanel } from "@/components/exports/import-panel";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { listPassages } from "@/lib/passages/server/list-passages";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Export and import" };

type ExportPageProps = { params: Promise<{ workspaceId: string }> };

export default async function ExportPage({ params }: ExportPageProps) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/export`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const { items: passages } = await listPassages({ actor, workspaceId, query: { limit: 200 } });
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Export and import</h1>
      <ExportPanel
        workspaceId={workspaceId}
        currentUserId={actor.userId}
        passages={passages.map((passage) => ({ id: passage.id, title: passage.title }))}
      />
      {can(workspace.role, "claim.create") && <ImportPanel workspaceId={workspaceId} />}
    </div>
  );
}
