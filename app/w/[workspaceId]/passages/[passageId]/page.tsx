import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AssignPassageClaims } from "@/components/assignment/assign-passage-claims";
import { LiveIndicator } from "@/components/live/live-indicator";
import { DeletePassageButton } from "@/components/passages/delete-passage-button";
import { PassageReader } from "@/components/passages/passage-reader";
import { PassageRevisions } from "@/components/revisions/passage-revisions";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getPassage } from "@/lib/passages/server/get-passage";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Passage" };

type PassagePageProps = { params: Promise<{ workspaceId: string; passageId: string }> };

export default async function PassagePage({ params }: PassagePageProps) {
  const { workspaceId, passageId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/passages/${passageId}`);
  const passage = await orNotFound(getPassage({ actor, passageId }));
  if (passage.workspaceId !== workspaceId) notFound();
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <div className="passage-page">
      <header className="passage-header">
        <div className="passage-header-title">
          <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
          <h1>{passage.title}</h1>
          <p className="passage-meta">
            {passage.publisher && <span>{passage.publisher}</span>}
            {passage.author && <span>By {passage.author}</span>}
            {passage.publishedAt && <time dateTime={passage.publishedAt}>{passage.publishedAt.slice(0, 10)}</time>}
            {passage.sourceUrl && (
              <a href={passage.sourceUrl} target="_blank" rel="noopener noreferrer">
                Source
              </a>
            )}
            {passage.snapshot && (
              // The stored copy, served sandboxed (no scripts, no cookies; docs/security.md).
              <a href={passage.snapshot.url} target="_blank" rel="noopener noreferrer">
                as captured on <time dateTime={passage.snapshot.fetchedAt}>{passage.snapshot.fetchedAt.slice(0, 10)}</time>
              </a>
            )}
          </p>
          <PassageRevisions passage={passage} role={workspace.role} />
        </div>
        <div className="passage-header-tools">
          <LiveIndicator workspaceId={workspaceId} passageId={passage.id} currentUserId={actor.userId} />
          {can(workspace.role, "claim.assign") && <AssignPassageClaims workspaceId={workspaceId} passageId={passage.id} />}
          {can(workspace.role, "passage.manage") && <DeletePassageButton workspaceId={workspaceId} passageId={passage.id} />}
        </div>
      </header>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <PassageReader
          passage={passage}
          role={workspace.role}
          isBlindReview={workspace.isBlindReview}
          currentUserId={actor.userId}
        />
      </Suspense>
    </div>
  );
}
