import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/server/session";
import { LABEL_DISPLAY, labelKey, STATE_DISPLAY } from "@/lib/claims/label-display";
import { listClaims } from "@/lib/claims/server/list-claims";
import { orNotFound } from "@/lib/http/page-errors";
import { REVIEW_STATES } from "@/lib/review/review-state";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "My queue" };

const SHOWN_PER_STATE = 100;

export default async function MyQueuePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/queue`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const groups = await Promise.all(
    REVIEW_STATES.map(async (state) => ({
      state,
      ...(await listClaims({ actor, workspaceId, query: { state, assigneeId: actor.userId, limit: SHOWN_PER_STATE, sort: "created_asc" } })),
    })),
  );
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);

  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>My queue</h1>
      {total === 0 ? (
        <div className="empty-state">
          <h2>Nothing assigned to you</h2>
          <p>When an editor assigns you claims, they are listed here by review state, oldest first.</p>
          <Link href={`/w/${workspaceId}/claims`}>Browse all claims</Link>
        </div>
      ) : (
        groups
          .filter((group) => group.items.length > 0)
          .map((group) => (
            <section key={group.state} aria-labelledby={`queue-${group.state}`} className="stack">
              <h2 id={`queue-${group.state}`}>
                {STATE_DISPLAY[group.state]} ({group.items.length}
                {group.nextCursor ? "+" : ""})
              </h2>
              <ul className="list">
                {group.items.map((claim) => (
                  <li key={claim.id}>
                    <Link href={`/w/${workspaceId}/passages/${claim.passageId}?claim=${claim.id}`}>
                      <span>{claim.statement}</span>
                      <span className={`label-chip label-${labelKey(claim.label)}`}>{LABEL_DISPLAY[labelKey(claim.label)].name}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              {group.nextCursor && (
                <Link href={`/w/${workspaceId}/claims?assignee=me&state=${group.state}`}>All {STATE_DISPLAY[group.state].toLowerCase()} claims assigned to me</Link>
              )}
            </section>
          ))
      )}
    </div>
  );
}
