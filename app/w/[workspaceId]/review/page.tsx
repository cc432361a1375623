import type { Metadata } from "next";
import Link from "next/link";
import { BlindReviewList } from "@/components/review/blind-review-list";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import { ListBlindReviewQuerySchema } from "@/lib/review/blind-review.schemas";
import { listBlindReviews } from "@/lib/review/server/list-blind-reviews";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Blind review" };

const FILTERS = [
  { status: "all", name: "All" },
  { status: "disagreement", name: "Disagreements" },
  { status: "waiting", name: "Waiting" },
  { status: "agreement", name: "Agreements" },
] as const;

type ReviewPageProps = { params: Promise<{ workspaceId: string }>; searchParams: Promise<{ status?: string; undecided?: string }> };

export default async function BlindReviewPage({ params, searchParams }: ReviewPageProps) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/review`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const parsed = ListBlindReviewQuerySchema.safeParse({ status: (await searchParams).status });
  const status = parsed.success ? parsed.data.status : "all";
  const canDecide = can(workspace.role, "claim.decide");
  const { items } = canDecide ? await listBlindReviews({ actor, workspaceId, query: { status } }) : { items: [] };

  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Blind review</h1>
      {!workspace.isBlindReview && (
        <p className="alert alert-info">
          Blind double review is off in this workspace. {can(workspace.role, "workspace.settings") ? <Link href={`/w/${workspaceId}/settings`}>Turn it on in Settings</Link> : "An owner can turn it on in Settings."}
        </p>
      )}
      {!canDecide ? (
        <p className="alert alert-info">Editors compare reviewers&rsquo; labels here. Your role labels claims on their passage pages.</p>
      ) : (
        <>
          <nav className="row" aria-label="Filter by agreement">
            {FILTERS.map((filter) => (
              <Link key={filter.status} href={`/w/${workspaceId}/review?status=${filter.status}`} aria-current={filter.status === status ? "page" : undefined}>
                {filter.name}
              </Link>
            ))}
            <Link href={`/w/${workspaceId}/agreement`}>Agreement statistics</Link>
          </nav>
          {items.length === 0 ? (
            <div className="empty-state">
              <h2>Nothing to compare</h2>
              <p>When reviewers label claims in blind double review, their independent labels appear here side by side.</p>
            </div>
          ) : (
            <BlindReviewList workspaceId={workspaceId} items={items} />
          )}
        </>
      )}
    </div>
  );
}
