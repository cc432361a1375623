"use client";

import { useState, type RefObject } from "react";
import { can } from "@/lib/auth/permissions";
import { CLAIM_STATEMENT_MAX_LENGTH, VERDICT_NOTE_MAX_LENGTH, type Claim, type ClaimSummary, type UpdateClaimInput } from "@/lib/claims/claim.schemas";
import { useClaim, useClaimHistory, useRemoveEvidence } from "@/lib/claims/client/claim-queries";
import { describeHistoryEntry, describeRelativeTime, describeRequestedChange, type HistoryWordingContext } from "@/lib/claims/history-wording";
import { LABEL_DISPLAY, labelKey, STANCE_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";
import type { ClaimLabel, Role } from "@/lib/generated/prisma/enums";
import { allowedTransitions, checkContentChange, CLAIM_LABELS } from "@/lib/review/review-state";
import { ClaimAssignee } from "@/components/assignment/claim-assignee";
import { ClaimComments } from "@/components/comments/claim-comments";
import { BlindLabelPicker, BlindVotes } from "@/components/review/blind-review-panel";
import { useWorkspaceMembers } from "@/lib/members/client/member-queries";
import { useBlindLabels } from "@/lib/review/client/blind-review-queries";
import { ClaimMatches } from "@/components/matching/claim-matches";
import { discardStoredDraft } from "@/components/forms/use-stored-draft";
import { fieldDraftKey } from "@/lib/forms/field-drafts";
import { PublicationPanel } from "@/components/publishing/publication-panel";
import { EditableText } from "./editable-text";
import { EvidenceForm } from "./evidence-form";
import { VerdictPicker } from "./verdict-picker";
import { useRatingScale } from "@/lib/ratings/client/rating-queries";
import { EvidenceCaptureStatus } from "@/components/evidence/evidence-capture-status";
import { formatDateTime } from "@/lib/format-date";

export type ClaimConflict = { mine: UpdateClaimInput; theirs: Claim };

type ClaimDetailProps = {
  summary: ClaimSummary;
  role: Role;
  /** Drafts are kept per user, so another account in the same browser never sees them. */
  currentUserId: string;
  conflict: ClaimConflict | null;
  error: string | null;
  isSaving: boolean;
  evidenceUrlRef: RefObject<HTMLInputElement | null>;
  verdictSelectRef: RefObject<HTMLSelectElement | null>;
  onChange: (changes: UpdateClaimInput) => void;
  onResolveConflict: (choice: "reapply" | "discard") => void;
  onClose: () => void;
  onDelete: () => void;
};

export function ClaimDetail(props: ClaimDetailProps) {
  const { summary, role, currentUserId, conflict, error, isSaving, evidenceUrlRef, verdictSelectRef, onChange, onResolveConflict, onClose, onDelete } = props;
  const { data: claim } = useClaim(summary.id);
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  const [draftGeneration, setDraftGeneration] = useState(0);
  const [correctionNote, setCorrectionNote] = useState("");
  const history = useClaimHistory(summary.id, isHistoryOpen);
  const members = useWorkspaceMembers(summary.workspaceId, isHistoryOpen);
  const memberName = (userId: string) => members.data?.find((member) => member.userId === userId)?.name;
  const scale = useRatingScale(summary.workspaceId);
  const ratingName = (key: string) => scale.data?.ratings.find((rating) => rating.key === key)?.name;
  // Read once per render of the open history; relative times need not tick.
  const now = new Date();
  // The passage list holds the latest (optimistic) label, state and verdict.
  const shown = { ...summary, ...claim, label: summary.label, state: summary.state, verdict: summary.verdict };
  const blindVotes = useBlindLabels(summary.id);
  // In blind double review, reviewers vote on the label; editors still set the claim's label.
  const isBlindVoter = blindVotes.data?.isBlindReview === true && !can(role, "claim.decide");
  const contentChange = checkContentChange({ state: shown.state, role });
  // A decided claim's content is settled for reviewers; editors may change it, which reopens it.
  const canLabel = can(role, "claim.label") && contentChange.ok;
  const canChangeEvidence = can(role, "evidence.add") && contentChange.ok;
  const transitions = allowedTransitions(shown.state, role);
  const removeEvidence = useRemoveEvidence(summary);
  // A published claim's public fields change only with a public note (the API answers 409 without one).
  const correction = correctionNote.trim() && claim?.publication && !claim.publication.withdrawnAt ? { correctionNote: correctionNote.trim() } : {};
  const draftKeyOf = (field: "statement" | "verdictNote") => fieldDraftKey({ userId: currentUserId, record: "claim", recordId: summary.id, field });

  return (
    <section className="claim-detail card stack" aria-labelledby="claim-detail-heading">
      <div className="row spread">
        <h2 id="claim-detail-heading">Claim</h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          Close
        </button>
      </div>

      {conflict && (
        <div className="alert alert-error stack" role="alert">
          <strong>Someone else changed this claim while you were working on it.</strong>
          <p>
            Their version {conflict.theirs.version}: label {LABEL_DISPLAY[labelKey(conflict.theirs.label)].name}, state{" "}
            {STATE_DISPLAY[conflict.theirs.state]}, statement “{conflict.theirs.statement}”.
          </p>
          <p>Your change: {describeChanges(conflict.mine, { memberName, ratingName })}.</p>
          <div className="row">
            <button type="button" onClick={() => onResolveConflict("reapply")}>
              Re-apply my change
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                // Keeping theirs also drops what was typed into the text fields, stored drafts included.
                discardStoredDraft(draftKeyOf("statement"));
                discardStoredDraft(draftKeyOf("verdictNote"));
                setDraftGeneration((generation) => generation + 1);
                onResolveConflict("discard");
              }}
            >
              Keep theirs
            </button>
          </div>
        </div>
      )}
      {error && !conflict && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}

      <blockquote className="claim-quote" dir="auto">{shown.target.quote.exact}</blockquote>
      {!contentChange.ok && can(role, "claim.label") && <p className="hint">{contentChange.message}</p>}
      {contentChange.ok && contentChange.reopensTo && (
        <p className="hint">
          This claim is {STATE_DISPLAY[shown.state].toLowerCase()}: changing its statement, label, verdict, verdict note or evidence moves it back to{" "}
          {STATE_DISPLAY[contentChange.reopensTo].toLowerCase()}.
        </p>
      )}

      <EditableText
        key={`statement-${draftGeneration}`}
        id="claim-statement"
        label="Statement"
        hint="Reword the claim so it can be checked on its own."
        value={shown.statement}
        maxLength={CLAIM_STATEMENT_MAX_LENGTH}
        draftKey={draftKeyOf("statement")}
        isDisabled={!canLabel || isSaving}
        onSave={(statement) => onChange({ statement, ...correction })}
      />

      {isBlindVoter && blindVotes.data ? (
        <BlindLabelPicker
          claimId={summary.id}
          votes={blindVotes.data}
          isDisabled={isSaving}
          closedState={shown.state === "verified" || shown.state === "rejected" ? STATE_DISPLAY[shown.state].toLowerCase() : null}
        />
      ) : (
        <fieldset className="label-picker">
          <legend>Label</legend>
          <div className="row">
            {CLAIM_LABELS.map((label: ClaimLabel) => (
              <button
                key={label}
                type="button"
                className={`label-button label-${label}`}
                aria-pressed={shown.label === label}
                disabled={!canLabel || isSaving}
                aria-keyshortcuts={LABEL_DISPLAY[label].shortcut}
                onClick={() => onChange({ label: shown.label === label ? null : label })}
              >
                <span aria-hidden="true">{LABEL_DISPLAY[label].symbol}</span> {LABEL_DISPLAY[label].name}{" "}
                <kbd>{LABEL_DISPLAY[label].shortcut}</kbd>
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {blindVotes.data?.isBlindReview && blindVotes.data.labels && <BlindVotes votes={blindVotes.data} />}

      <VerdictPicker
        workspaceId={summary.workspaceId}
        verdict={shown.verdict}
        verdictName={summary.verdictName}
        canDecide={can(role, "claim.decide") && contentChange.ok}
        isDisabled={isSaving}
        selectRef={verdictSelectRef}
        onChange={(verdict) => onChange({ verdict })}
      />

      <div>
        <p>
          Review state: <strong className={`state-chip state-${shown.state}`}>{STATE_DISPLAY[shown.state]}</strong>
        </p>
        {transitions.length > 0 ? (
          <div className="row">
            {transitions.map((state) => (
              <button key={state} type="button" className="button-secondary" disabled={isSaving} onClick={() => onChange({ state })}>
                Move to {STATE_DISPLAY[state]}
              </button>
            ))}
          </div>
        ) : (
          <p className="hint">Your role cannot move this claim from {STATE_DISPLAY[shown.state]}.</p>
        )}
      </div>

      <ClaimAssignee
        workspaceId={summary.workspaceId}
        assigneeId={shown.assigneeId}
        canAssign={can(role, "claim.assign")}
        isSaving={isSaving}
        onAssign={(assigneeId) => onChange({ assigneeId })}
      />

      <EditableText
        key={`verdict-${draftGeneration}`}
        id="claim-verdict"
        label="Verdict note"
        hint="What the evidence shows, in a sentence or two."
        value={shown.verdictNote ?? ""}
        maxLength={VERDICT_NOTE_MAX_LENGTH}
        draftKey={draftKeyOf("verdictNote")}
        isDisabled={!canLabel || isSaving}
        onSave={(verdictNote) => onChange({ verdictNote: verdictNote === "" ? null : verdictNote, ...correction })}
      />

      <section aria-labelledby="evidence-heading" className="stack">
        <h3 id="evidence-heading">Evidence ({claim?.evidence.length ?? summary.evidenceCount})</h3>
        {claim && claim.evidence.length > 0 && (
          <ul className="evidence-list">
            {claim.evidence.map((link) => (
              <li key={link.id}>
                <span className={`stance stance-${link.stance}`}>{STANCE_DISPLAY[link.stance]}</span>{" "}
                {link.evidence.url ? (
                  <a href={link.evidence.url} target="_blank" rel="noopener noreferrer">
                    {link.evidence.title ?? link.evidence.url}
                  </a>
                ) : (
                  <span>{link.evidence.quote ?? "Passage excerpt"}</span>
                )}
                {link.evidence.publisher && <span className="muted"> · {link.evidence.publisher}</span>}
                <EvidenceCaptureStatus evidence={link.evidence} />
                {link.note && <p className="hint">{link.note}</p>}
                {canChangeEvidence && (
                  <button
                    type="button"
                    className="link-button"
                    disabled={removeEvidence.isPending}
                    aria-label={`Remove evidence: ${link.evidence.title ?? link.evidence.url ?? link.evidence.quote ?? "passage excerpt"}`}
                    onClick={() => removeEvidence.mutate({ linkId: link.id, ...correction })}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canChangeEvidence && <EvidenceForm claim={summary} urlInputRef={evidenceUrlRef} correctionNote={correction.correctionNote} />}
      </section>

      {claim && <PublicationPanel claim={{ ...claim, state: shown.state }} role={role} correctionNote={correctionNote} onCorrectionNoteChange={setCorrectionNote} />}

      <ClaimMatches claimId={summary.id} statement={shown.statement} role={role} />

      <ClaimComments claimId={summary.id} workspaceId={summary.workspaceId} canComment={can(role, "comment.create")} />

      {can(role, "claim.delete") && (
        <div>
          <button
            type="button"
            className="button-secondary danger"
            disabled={isSaving}
            onClick={() => window.confirm("Delete this claim? An editor can restore it for 30 days.") && onDelete()}
          >
            Delete claim
          </button>
        </div>
      )}

      <details onToggle={(event) => setIsHistoryOpen(event.currentTarget.open)}>
        <summary>History</summary>
        {history.isPending && isHistoryOpen && <p className="muted">Loading history…</p>}
        {history.data && (
          <ol className="history-list">
            {history.data.map((entry) => (
              <li key={entry.id}>
                {describeHistoryEntry(entry, { memberName, ratingName })}{" "}
                <time className="muted" dateTime={entry.at} title={formatDateTime(entry.at)}>
                  {describeRelativeTime(entry.at, now)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}

function describeChanges(changes: UpdateClaimInput, context: HistoryWordingContext): string {
  return Object.entries(changes)
    .map(([field, value]) => describeRequestedChange(field, value, context))
    .join(", ");
}
