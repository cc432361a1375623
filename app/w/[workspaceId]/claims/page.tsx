import type { Metadata } from "next";
import { Suspense } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { ClaimsTable } from "@/components/claims-table/claims-table";
import { CutReleaseLink } from "@/components/releases/cut-release-link";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Claims" };

type ClaimsPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClaimsPage({ params, searchParams }: ClaimsPageProps) {
  const { workspaceId } = await params;
  // A shared, filtered link survives the detour through sign-in.
  const query = new URLSearchParams(
    Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  ).toString();
  const actor = await requirePageActor(`/w/${workspaceId}/claims${query ? `?${query}` : ""}`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>
        Claims <span className="claims-view-workspace">in {workspace.name}</span>
      </h1>
      <LiveIndicator workspaceId={workspaceId} currentUserId={actor.userId} />
      {can(workspace.role, "release.create") && (
        <Suspense fallback={null}>
          <CutReleaseLink workspaceId={workspaceId} />
        </Suspense>
      )}
      {/* The table reads its filters from the URL on the client. */}
      <Suspense fallback={<p>Loading claims…</p>}>
        <ClaimsTable workspaceId={workspaceId} role={workspace.role} currentUserId={actor.userId} isBlindReview={workspace.isBlindReview} />
      </Suspense>
    </div>
  );
}
