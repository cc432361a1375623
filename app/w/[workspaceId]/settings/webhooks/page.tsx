import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { WebhooksSettings } from "@/components/webhooks/webhooks-settings";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksSettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/settings/webhooks`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Webhooks</h1>
      <p>
        ClaimDesk tells other systems what the desk decided: each event is a signed POST to your endpoints, retried for a day. See the webhooks
        guide (docs/webhooks.md) for how to verify a delivery.
      </p>
      {can(workspace.role, "webhook.manage") ? (
        <WebhooksSettings workspaceId={workspaceId} />
      ) : (
        <p className="alert alert-info">Only owners manage webhooks. Ask an owner of {workspace.name}.</p>
      )}
    </div>
  );
}
