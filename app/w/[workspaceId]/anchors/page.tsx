import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { AnchorQueue } from "@/components/revisions/anchor-queue";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Anchors to check" };

export default async function AnchorQueuePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/anchors`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Anchors to check</h1>
      <p className="hint">Claims whose words changed or are gone after a passage was revised. Each waits for a person: confirm the new words, place it on others, or leave it orphaned.</p>
      <AnchorQueue workspaceId={workspaceId} />
    </div>
  );
}
