"use client";

import { can } from "@/lib/auth/permissions";
import { useClaim, useUpdateClaim } from "@/lib/claims/client/claim-queries";
import { LABEL_DISPLAY, labelKey, STATE_DISPLAY } from "@/lib/claims/label-display";
import type { Role } from "@/lib/generated/prisma/enums";
import { useBorrowEvidence, useClaimMatches } from "@/lib/matching/client/matching-queries";

type ClaimMatchesProps = { claimId: string; statement: string; role: Role };

/** Claims of the workspace that read like this one, to link as duplicates or to reuse their evidence. */
export function ClaimMatches({ claimId, statement, role }: ClaimMatchesProps) {
  const { data: claim } = useClaim(claimId);
  const matches = useClaimMatches(claimId, statement);
  const updateClaim = useUpdateClaim();
  const borrowEvidence = useBorrowEvidence({ id: claimId, passageId: claim?.passageId ?? "" });
  const canLabel = can(role, "claim.label");
  const canBorrow = can(role, "evidence.add");
  const isBusy = updateClaim.isPending || borrowEvidence.isPending || !claim;
  const error = updateClaim.error ?? borrowEvidence.error;

  function setDuplicateOf(duplicateOfId: string | null) {
    if (!claim) return;
    updateClaim.mutate({ claim, changes: { duplicateOfId } });
  }

  return (
    <section aria-labelledby="claim-matches-heading" className="stack claim-matches">
      <h3 id="claim-matches-heading">Similar claims{matches.data ? ` (${matches.data.length})` : ""}</h3>
      {matches.isPending && <p className="muted">Looking for similar claims…</p>}
      {matches.error && (
        <p className="alert alert-error" role="alert">
          {matches.error.message}{" "}
          <button type="button" className="link-button" onClick={() => void matches.refetch()}>
            Retry
          </button>
        </p>
      )}
      {matches.data?.length === 0 && <p className="hint">No other claim in this workspace reads like this one.</p>}
      {error && (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      )}
      {borrowEvidence.data && (
        <p className="hint" role="status">
          {borrowEvidence.data.items.length === 0
            ? "This claim already had all of that evidence."
            : `Linked ${borrowEvidence.data.items.length} evidence ${borrowEvidence.data.items.length === 1 ? "source" : "sources"}.`}
        </p>
      )}
      {matches.data && matches.data.length > 0 && (
        <ul className="match-list" aria-busy={matches.isFetching}>
          {matches.data.map(({ claim: match, similarity }) => {
            const isDuplicateOf = claim?.duplicateOfId === match.id;
            const label = LABEL_DISPLAY[labelKey(match.label)];
            return (
              <li key={match.id} className="match-item stack">
                <div className="row spread">
                  <a href={`/w/${match.workspaceId}/passages/${match.passageId}?claim=${match.id}`}>{match.statement}</a>
                  <span className="badge">{Math.round(similarity * 100)}% similar</span>
                </div>
                <p className="match-meta">
                  <span className={`label-chip label-${labelKey(match.label)}`}>
                    <span aria-hidden="true">{label.symbol}</span> {label.name}
                  </span>
                  <span className={`state-chip state-${match.state}`}>{STATE_DISPLAY[match.state]}</span>
                  <span className="muted">
                    in {match.passageTitle} · {match.evidenceCount} evidence
                  </span>
                  {isDuplicateOf && <span className="badge">This claim is its duplicate</span>}
                </p>
                {match.verdictNote && <p className="match-verdict">Verdict note: {match.verdictNote}</p>}
                {(canLabel || canBorrow) && (
                  <div className="row">
                    {canLabel &&
                      (isDuplicateOf ? (
                        <button type="button" className="button-secondary" disabled={isBusy} onClick={() => setDuplicateOf(null)}>
                          Unmark duplicate
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={isBusy}
                          aria-label={`Mark as duplicate of “${match.statement}”`}
                          onClick={() => setDuplicateOf(match.id)}
                        >
                          Mark as duplicate
                        </button>
                      ))}
                    {canBorrow && match.state === "verified" && match.evidenceCount > 0 && (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={isBusy}
                        aria-label={`Use its evidence: “${match.statement}”`}
                        onClick={() => borrowEvidence.mutate(match.id)}
                      >
                        Use its evidence
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
