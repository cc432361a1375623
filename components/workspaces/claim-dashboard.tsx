import Link from "next/link";
import type { ClaimCounts } from "@/lib/claims/claim-counts";
import { LABEL_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";
import { CLAIM_LABELS, REVIEW_STATES } from "@/lib/review/review-state";

const LABEL_COLUMNS = [...CLAIM_LABELS, "none"] as const;

/** Claims per review state and label, each number a link to exactly those claims. */
export function ClaimDashboard({ workspaceId, counts }: { workspaceId: string; counts: ClaimCounts }) {
  const claimsHref = (filters: Record<string, string>) => `/w/${workspaceId}/claims?${new URLSearchParams(filters)}`;
  return (
    <section aria-labelledby="dashboard-heading" className="stack">
      <h2 id="dashboard-heading">Claims at a glance</h2>
      <div className="stat-grid">
        <Link className="stat" href={`/w/${workspaceId}/queue`}>
          <p className="stat-value">{counts.assignedToMe}</p>
          <p className="stat-label">open claims assigned to me</p>
        </Link>
        {REVIEW_STATES.map((state) => (
          <Link key={state} className="stat" href={claimsHref({ state })}>
            <p className="stat-value">{counts.byState[state]}</p>
            <p className="stat-label">{STATE_DISPLAY[state]}</p>
          </Link>
        ))}
      </div>
      <table className="data-table dashboard-table">
        <caption className="hint">Claims by review state and label ({counts.total} in all)</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            {LABEL_COLUMNS.map((label) => (
              <th key={label} scope="col">
                {LABEL_DISPLAY[label].name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {REVIEW_STATES.map((state) => (
            <tr key={state}>
              <th scope="row">{STATE_DISPLAY[state]}</th>
              {LABEL_COLUMNS.map((label) => (
                <td key={label}>
                  <Link href={claimsHref({ state, label })} aria-label={`${counts.byStateAndLabel[state][label]} ${STATE_DISPLAY[state]}, ${LABEL_DISPLAY[label].name}`}>
                    {counts.byStateAndLabel[state][label]}
                  </Link>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
