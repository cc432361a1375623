import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { RestoreButton } from "@/components/workspaces/restore-button";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";
import { listDeletedItems } from "@/lib/workspaces/server/list-deleted-items";

export const metadata: Metadata = { title: "Recently deleted" };

export default async function DeletedItemsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/deleted`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const canRestore = can(workspace.role, "claim.restore");
  const items = canRestore ? await listDeletedItems({ actor, workspaceId }) : [];
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Recently deleted</h1>
      <p className="muted">Passages and claims deleted in the last {RESTORE_WINDOW_DAYS} days. Restoring brings them back with their history.</p>
      {!canRestore ? (
        <p className="alert alert-info">Only editors and owners can see and restore deleted items.</p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing deleted recently</h2>
          <p>Deleted passages and claims stay here for {RESTORE_WINDOW_DAYS} days.</p>
        </div>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="card row spread">
              <span>
                <span className="badge">{item.kind === "passage" ? "Passage" : "Claim"}</span> {item.title}
                <span className="muted">
                  {" "}
                  · deleted <time dateTime={item.deletedAt}>{item.deletedAt.slice(0, 10)}</time>
                  {item.deletedBy ? ` by ${item.deletedBy}` : ""}
                </span>
              </span>
              <RestoreButton kind={item.kind} id={item.id} title={item.title} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
