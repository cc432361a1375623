import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_DISPLAY } from "@/lib/members/role-display";
import { WorkspaceSearchBox } from "@/components/search/workspace-search-box";
import { SavedViewsList } from "@/components/views/saved-views-list";
import { ClaimDashboard } from "@/components/workspaces/claim-dashboard";
import { can } from "@/lib/auth/permissions";
import { countClaims } from "@/lib/claims/server/count-claims";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { listPassages } from "@/lib/passages/server/list-passages";
import { listSavedViews } from "@/lib/views/server/list-saved-views";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Workspace" };

type WorkspacePageProps = { params: Promise<{ workspaceId: string }> };

export default async function WorkspacePage({ params }: WorkspacePageProps) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const [{ items: passages }, counts, savedViews] = await Promise.all([
    listPassages({ actor, workspaceId, query: { limit: 200 } }),
    countClaims({ actor, workspaceId }),
    listSavedViews({ actor, workspaceId }),
  ]);
  const canImport = can(workspace.role, "passage.create");
  return (
    <div className="stack">
      <div className="row spread">
        <div className="row">
          <h1>{workspace.name}</h1>
          <span className="badge">Your role: {ROLE_DISPLAY[workspace.role]}</span>
        </div>
        <nav className="row" aria-label="Workspace">
          <Link href={`/w/${workspaceId}/claims`}>All claims</Link>
          <Link href={`/w/${workspaceId}/export`}>Export</Link>
          <Link href={`/w/${workspaceId}/releases`}>Releases</Link>
          <Link href={`/w/${workspaceId}/queue`}>My queue</Link>
          <Link href={`/w/${workspaceId}/duplicates`}>Duplicates</Link>
          <Link href={`/w/${workspaceId}/anchors`}>Anchors to check</Link>
          <Link href={`/w/${workspaceId}/members`}>Members</Link>
          {can(workspace.role, "claim.decide") && workspace.isBlindReview && <Link href={`/w/${workspaceId}/review`}>Blind review</Link>}
          {can(workspace.role, "claim.decide") && <Link href={`/w/${workspaceId}/agreement`}>Agreement</Link>}
          {can(workspace.role, "job.read") && <Link href={`/w/${workspaceId}/jobs`}>Jobs</Link>}
          {can(workspace.role, "workspace.settings") && <Link href={`/w/${workspaceId}/settings`}>Settings</Link>}
          {can(workspace.role, "claim.restore") && <Link href={`/w/${workspaceId}/deleted`}>Recently deleted</Link>}
          {canImport && (
            <Link href={`/w/${workspaceId}/passages/new`} className="button">
              Import a passage
            </Link>
          )}
        </nav>
      </div>
      <WorkspaceSearchBox workspaceId={workspaceId} />
      {counts.total > 0 && <ClaimDashboard workspaceId={workspaceId} counts={counts} />}
      {(counts.total > 0 || savedViews.items.length > 0) && (
        <SavedViewsList workspaceId={workspaceId} currentUserId={actor.userId} canShare={can(workspace.role, "view.share")} initialViews={savedViews} />
      )}
      {passages.length === 0 ? (
        <div className="empty-state">
          <h2>No passages yet</h2>
          <p>
            Start by importing a passage: paste an article, a transcript or a scraped page. Then select the claims inside
            it, label each one factual, opinion or disputed, and link the evidence.
          </p>
          {canImport && (
            <Link href={`/w/${workspaceId}/passages/new`} className="button">
              Import your first passage
            </Link>
          )}
        </div>
      ) : (
        <section aria-labelledby="passages-heading" className="stack">
          <h2 id="passages-heading">Passages</h2>
          <ul className="list">
            {passages.map((passage) => (
              <li key={passage.id}>
                <Link href={`/w/${workspaceId}/passages/${passage.id}`}>
                  <span>
                    {passage.title}
                    {passage.publisher && <span className="muted"> · {passage.publisher}</span>}
                  </span>
                  <span className="badge">
                    {passage.claimCount} {passage.claimCount === 1 ? "claim" : "claims"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
