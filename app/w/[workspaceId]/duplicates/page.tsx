import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/server/session";
import { LABEL_DISPLAY, labelKey, STATE_DISPLAY } from "@/lib/claims/label-display";
import { orNotFound } from "@/lib/http/page-errors";
import { DUPLICATE_SIMILARITY_THRESHOLD } from "@/lib/matching/matching.schemas";
import { listDuplicateGroups } from "@/lib/matching/server/list-duplicate-groups";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Duplicate claims" };

export default async function DuplicatesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/duplicates`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const {
    groups: { items: groups, scannedClaimCount },
  } = await listDuplicateGroups({ actor, workspaceId, query: { limit: 100 } });
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Duplicate claims</h1>
      <p className="muted">
        Claims whose statements are at least {Math.round(DUPLICATE_SIMILARITY_THRESHOLD * 100)}% alike, or that someone marked as duplicates.
        The newest {scannedClaimCount} claims were compared with every claim of the workspace.
      </p>
      {groups.length === 0 ? (
        <div className="empty-state">
          <h2>No duplicates found</h2>
          <p>When the same claim is marked in several passages, the copies are grouped here so one check can serve them all.</p>
        </div>
      ) : (
        <ul className="list">
          {groups.map((group) => {
            const ids = new Set(group.claims.map((claim) => claim.id));
            const first = group.claims[0];
            return (
              <li key={first?.id} className="card stack">
                <p className="row spread">
                  <strong>{group.claims.length} claims</strong>
                  <span className="badge">{group.similarity === null ? "Marked by hand" : `${Math.round(group.similarity * 100)}% alike`}</span>
                </p>
                <ul className="duplicate-group">
                  {group.claims.map((claim) => {
                    const label = LABEL_DISPLAY[labelKey(claim.label)];
                    return (
                      <li key={claim.id}>
                        <a href={`/w/${workspaceId}/passages/${claim.passageId}?claim=${claim.id}`}>{claim.statement}</a>
                        <p className="match-meta">
                          <span className={`label-chip label-${labelKey(claim.label)}`}>
                            <span aria-hidden="true">{label.symbol}</span> {label.name}
                          </span>
                          <span className={`state-chip state-${claim.state}`}>{STATE_DISPLAY[claim.state]}</span>
                          <span className="muted">in {claim.passageTitle}</span>
                          {claim.duplicateOfId && ids.has(claim.duplicateOfId) && <span className="badge">Marked as a duplicate</span>}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
