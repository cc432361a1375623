"use client";

import { LABEL_DISPLAY } from "@/lib/claims/label-display";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";
import type { BlindLabels } from "@/lib/review/blind-review.schemas";
import { useSubmitBlindLabel } from "@/lib/review/client/blind-review-queries";
import { CLAIM_LABELS } from "@/lib/review/review-state";

/** A reviewer's own vote in blind double review; nobody else's is shown. */
export function BlindLabelPicker({ claimId, votes, isDisabled, closedState }: { claimId: string; votes: BlindLabels; isDisabled: boolean; closedState: string | null }) {
  const submit = useSubmitBlindLabel(claimId);
  const yourVote = <p>Your vote: {votes.myLabel ? <strong>{LABEL_DISPLAY[votes.myLabel].name.toLowerCase()}</strong> : "none yet"}</p>;
  if (closedState) {
    return (
      <div className="label-picker">
        {yourVote}
        <p className="hint">This claim is {closedState}, so it takes no more votes; an editor would have to reopen it first.</p>
      </div>
    );
  }
  return (
    <fieldset className="label-picker">
      <legend>Your independent label</legend>
      <p className="hint">Blind double review: another reviewer labels this claim too without seeing yours; an editor sets the final label.</p>
      {yourVote}
      <div className="row">
        {CLAIM_LABELS.map((label: ClaimLabel) => (
          <button
            key={label}
            type="button"
            className={`label-button label-${label}`}
            aria-pressed={votes.myLabel === label}
            disabled={isDisabled || submit.isPending}
            aria-keyshortcuts={LABEL_DISPLAY[label].shortcut}
            onClick={() => submit.mutate(label)}
          >
            <span aria-hidden="true">{LABEL_DISPLAY[label].symbol}</span> {LABEL_DISPLAY[label].name} <kbd>{LABEL_DISPLAY[label].shortcut}</kbd>
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
