import type { Metadata } from "next";
import type { AgreementReport } from "@/lib/agreement/agreement.schemas";
import { computeAgreement } from "@/lib/agreement/server/compute-agreement";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/server/session";
import { LABEL_DISPLAY } from "@/lib/claims/label-display";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceBreadcrumb } from "@/components/layout/workspace-breadcrumb";

export const metadata: Metadata = { title: "Agreement" };

const formatStatistic = (value: number | null) => (value === null ? "—" : value.toFixed(3));

// Krippendorff's own guidance: rely on α ≥ 0.800; draw tentative conclusions from 0.667.
function describeAlpha(alpha: number | null): string {
  if (alpha === null) return "not measurable yet: needs claims labelled by two reviewers, with some variation";
  if (alpha >= 0.8) return "reliable";
  if (alpha >= 0.667) return "tentative";
  return "unreliable: discuss the labelling guidelines";
}

export default async function AgreementPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const actor = await requirePageActor(`/w/${workspaceId}/agreement`);
  const workspace = await orNotFound(getWorkspace({ actor, workspaceId }));
  const canSee = can(workspace.role, "claim.decide");
  const report = canSee ? await computeAgreement({ actor, workspaceId }) : null;

  return (
    <div className="stack">
      <WorkspaceBreadcrumb workspaceId={workspaceId} workspaceName={workspace.name} />
      <h1>Agreement between reviewers</h1>
      {!report ? (
        <p className="alert alert-info">Editors and owners see agreement statistics, since they reveal how each reviewer labelled.</p>
      ) : report.labelCount === 0 ? (
        <div className="empty-state">
          <h2>No blind labels yet</h2>
          <p>Turn on blind double review in Settings; once two reviewers have labelled the same claims, their agreement shows here.</p>
        </div>
      ) : (
        <AgreementDetails report={report} />
      )}
    </div>
  );
}

function AgreementDetails({ report }: { report: AgreementReport }) {
  return (
    <>
      <section aria-labelledby="workspace-agreement" className="stack">
        <h2 id="workspace-agreement">Workspace</h2>
        <div className="stat-grid">
          <div className="stat">
            <p className="stat-value">{formatStatistic(report.workspace.alpha)}</p>
            <p className="stat-label">Krippendorff&rsquo;s alpha (nominal): {describeAlpha(report.workspace.alpha)}</p>
          </div>
          <div className="stat">
            <p className="stat-value">{report.workspace.pairableUnitCount}</p>
            <p className="stat-label">claims labelled by two or more reviewers</p>
          </div>
          <div className="stat">
            <p className="stat-value">{report.labelCount}</p>
            <p className="stat-label">independent labels</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="passage-agreement" className="stack">
        <h2 id="passage-agreement">By passage</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Passage</th>
              <th scope="col">Alpha</th>
              <th scope="col">Claims compared</th>
              <th scope="col">Labels compared</th>
            </tr>
          </thead>
          <tbody>
            {report.passages.map((passage) => (
              <tr key={passage.passageId}>
                <th scope="row">{passage.title}</th>
                <td>{formatStatistic(passage.alpha)}</td>
                <td>{passage.pairableUnitCount}</td>
                <td>{passage.pairableValueCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pair-agreement" className="stack">
        <h2 id="pair-agreement">By pair of reviewers</h2>
        {report.pairs.length === 0 && <p className="muted">No two reviewers have labelled the same claim yet.</p>}
        {report.pairs.map((pair) => {
          const largest = Math.max(1, ...pair.confusion.flat());
          const caption = `${pair.first.name} (rows) against ${pair.second.name} (columns)`;
          return (
            <article key={`${pair.first.id}-${pair.second.id}`} className="card stack">
              <h3>
                {pair.first.name} and {pair.second.name}
              </h3>
              <p>
                Cohen&rsquo;s kappa <strong>{formatStatistic(pair.kappa)}</strong> over {pair.itemCount} claims · observed agreement{" "}
                {(pair.observedAgreement * 100).toFixed(1)}% · expected by chance {(pair.expectedAgreement * 100).toFixed(1)}%
              </p>
              <table className="confusion-table">
                <caption className="hint">Confusion matrix: {caption}</caption>
                <thead>
                  <tr>
                    <td />
                    {report.categories.map((category) => (
                      <th key={category} scope="col">
                        {LABEL_DISPLAY[category].name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.categories.map((rowCategory, row) => (
                    <tr key={rowCategory}>
                      <th scope="row">{LABEL_DISPLAY[rowCategory].name}</th>
                      {report.categories.map((columnCategory, column) => {
                        const count = pair.confusion[row]?.[column] ?? 0;
                        // Shade by count; the number itself stays readable on every shade.
                        const alpha = (count / largest) * 0.35;
                        return (
                          <td key={columnCategory} className={row === column ? "is-diagonal" : undefined} style={{ background: `rgb(29 78 216 / ${alpha})` }}>
                            {count}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          );
        })}
      </section>
    </>
  );
}
