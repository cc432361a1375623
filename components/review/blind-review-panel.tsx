"use client";

import { LABEL_DISPLAY } from "@/lib/claims/label-display";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";
import type { BlindLabels } from "@/lib/review/blind-review.schemas";
import { useSubmitBlindLabel } from "@/lib/review/client/blind-review-queries";
import { CLAIM_LABELS } from "@/lib/review/review-state";

/** A reviewer's own vote in blind double review; nobody else's is shown. */
export function BlindLabelPicker({ claimId, votes, isDisabled }: { claimId: string; votes: BlindLabels; isDisabled: boolean }) {
  const submit = useSubmitBlindLabel(claimId);
  return (
    <fieldset className="label-picker">
      <legend>Your independent label</legend>
      <p className="hint">Blind double review: another reviewer labels this claim too without seeing yours; an editor sets the final label.</p>
      <div className="row">
        {CLAIM_LABELS.map((label: ClaimLabel) => (
          <button
            key={label}
            type="button"
            className={`label-button label-${label}`}
            aria-pressed={votes.myLabel === label}
            disabled={isDisabled || submit.isPending}
            onClick={() => submit.mutate(label)}
          >
            <span aria-hidden="true">{LABEL_DISPLAY[label].symbol}</span> {LABEL_DISPLAY[label].name}
          </button>
        ))}
      </div>
      {submit.isError && <p role="alert">{submit.error.message}</p>}
    </fieldset>
  );
}

/** For editors: every reviewer's vote side by side, above the final label they set. */
export function BlindVotes({ votes }: { votes: BlindLabels }) {
  if (!votes.labels) return null;
  const distinct = new Set(votes.labels.map((vote) => vote.label));
  return (
    <div className="blind-votes">
      <p className="hint">
        Reviewers&rsquo; independent labels
        {votes.labels.length >= 2 && (distinct.size > 1 ? " — they disagree" : " — they agree")}:
      </p>
      {votes.labels.length === 0 ? (
        <p className="muted">No reviewer has labelled this claim yet.</p>
      ) : (
        <ul className="row blind-vote-list">
          {votes.labels.map((vote) => (
            <li key={vote.reviewer.id} className={`label-chip label-${vote.label}`}>
              {vote.reviewer.name}: {LABEL_DISPLAY[vote.label].name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
