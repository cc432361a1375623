import type { Metadata } from "next";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { ReleasesPanel, type ReleaseSource } from "@/components/releases/releases-panel";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { ClaimsFilterSchema } from "@/lib/claims/claim.schemas";
import { orNotFound } from "@/lib/http/page-errors";
import { RELEASES_PAGE_SIZE } from "@/lib/releases/release.schemas";
import { listReleases } from "@/lib/releases/server/list-releases";
import { getReleaseSettings } from "@/lib/releases/server/release-settings";
import { listSavedViews } from "@/lib/views/server/list-saved-views";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Releases" };

type ReleasesPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FILTER_KEYS = ["label", "state", "passageId", "assigneeId", "q"] as const;

export default async function ReleasesPage({ params, searchParams }: ReleasesPageProps) {
  const { workspaceId } = await params;
  const search = await searchParams;
  // The claims table's filter, when the person came from it ("Cut a release from this filter").
  const given = Object.fromEntries(FILTER_KEYS.flatMap((key) => (typeof search[key] === "string" ? [[key, search[key]]] : [])));
  const query = new URLSearchParams(given).toString();
  const actor = await requirePageActor(`/w/${workspaceId}/releases${query ? `?${query}` : ""}`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const canCut = can(workspace.role, "release.create");
  const [releases, views, settings] = await Promise.all([
    listReleases({ actor, workspaceId, query: { limit: RELEASES_PAGE_SIZE } }),
    canCut ? listSavedViews({ actor, workspaceId }) : null,
    getReleaseSettings({ actor, workspaceId }),
  ]);
  const current = Object.keys(given).length > 0 ? ClaimsFilterSchema.safeParse(given) : null;
  const isReleasable = (state: string | undefined) => state === undefined || state === "verified";
  const sources: ReleaseSource[] = [
    ...(current?.success ? [{ key: "current", name: "The claims filter you came from", filter: current.data, isReleasable: isReleasable(current.data.state) }] : []),
    { key: "all", name: "All verified claims", filter: null, isReleasable: true },
    ...(views?.items ?? []).map((view) => ({ key: `view:${view.id}`, name: `Saved view: ${view.name}`, filter: view.filter, isReleasable: isReleasable(view.filter.state) })),
  ];
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Releases</h1>
      <ReleasesPanel
        workspaceId={workspaceId}
        canCut={canCut}
        initialReleases={releases}
        sources={sources}
        licence={settings.licence}
        canChooseLicence={can(workspace.role, "workspace.settings")}
      />
    </div>
  );
}
