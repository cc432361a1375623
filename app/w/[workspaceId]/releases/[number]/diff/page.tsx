import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";
import { requirePageActor } from "@/lib/auth/server/session";
import { orNotFound } from "@/lib/http/page-errors";
import type { ReleaseDiff } from "@/lib/releases/release.schemas";
import { releasePagePath } from "@/lib/releases/release-urls";
import { diffReleases } from "@/lib/releases/server/diff-releases";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";

export const metadata: Metadata = { title: "Compare releases" };

type DiffPageProps = {
  params: Promise<{ workspaceId: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const asNumber = (value: unknown) => (typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

export default async function ReleaseDiffPage({ params, searchParams }: DiffPageProps) {
  const { workspaceId, number: numberText } = await params;
  const number = asNumber(numberText);
  const against = asNumber((await searchParams).against);
  if (number === null || against === null) notFound();
  const actor = await requirePageActor(`${releasePagePath(workspaceId, number)}/diff?against=${against}`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const diff = await orNotFound(diffReleases({ actor, workspaceId, number, against }));
  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <p>
        <Link href={`/w/${workspaceId}/releases`}>All releases</Link>
      </p>
      <h1>
        Release {diff.release.number} compared with release {diff.against.number}
      </h1>
      <p>
        From <Link href={releasePagePath(workspaceId, diff.against.number)}>{diff.against.name}</Link> ({diff.against.claimCount} {diff.against.claimCount === 1 ? "claim" : "claims"}) to{" "}
        <Link href={releasePagePath(workspaceId, diff.release.number)}>{diff.release.name}</Link> ({diff.release.claimCount} {diff.release.claimCount === 1 ? "claim" : "claims"}):{" "}
        {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed, {diff.unchangedCount} unchanged.
      </p>
      <DiffSection id="added" title="Added" claims={diff.added} empty="No claims were added." />
      <DiffSection id="removed" title="Removed" claims={diff.removed} empty="No claims were removed." />
      <section className="stack" aria-labelledby="changed-heading">
        <h2 id="changed-heading">Changed ({diff.changed.length})</h2>
        {diff.changed.length === 0 ? (
          <p className="muted">No claim changed.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Fields that changed</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((claim) => (
                <tr key={claim.id}>
                  <th scope="row">{claim.statement}</th>
                  <td>{claim.fields.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function DiffSection({ id, title, claims, empty }: { id: string; title: string; claims: ReleaseDiff["added"]; empty: string }) {
  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {title} ({claims.length})
      </h2>
      {claims.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="list">
          {claims.map((claim) => (
            <li key={claim.id}>{claim.statement}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
