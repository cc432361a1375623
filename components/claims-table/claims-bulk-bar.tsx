"use client";

import { useState, type FormEvent } from "react";
import { AssigneePicker } from "@/components/assignment/assignee-picker";
import type { BulkChanges } from "@/lib/claims/client/claim-queries";
import type { LabelFilter, StateFilter } from "@/components/claims-table/claims-filters";
import { LABEL_DISPLAY, STATE_DISPLAY } from "@/lib/claims/label-display";
import { CLAIM_LABELS } from "@/lib/review/review-state";

type ClaimsBulkBarProps = {
  workspaceId: string;
  selectedCount: number;
  canAssign: boolean;
  canLabel: boolean;
  canMove: boolean;
  /** States at least one selected claim may move to with the user's role. */
  stateOptions: StateFilter[];
  isPending: boolean;
  onApply: (changes: BulkChanges) => void;
  onClearSelection: () => void;
};

const LABEL_CHOICES: LabelFilter[] = [...CLAIM_LABELS, "none"];

/** Shown while claims are selected: set their label or move them to a review state, all at once. */
export function ClaimsBulkBar({ workspaceId, selectedCount, canAssign, canLabel, canMove, stateOptions, isPending, onApply, onClearSelection }: ClaimsBulkBarProps) {
  const [label, setLabel] = useState<LabelFilter | "">("");
  const [state, setState] = useState<StateFilter | "">("");
  const stateChoice = state !== "" && stateOptions.includes(state) ? state : "";
  const noun = selectedCount === 1 ? "claim" : "claims";

  function applyLabel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (label === "") return;
    onApply({ label: label === "none" ? null : label });
  }

  function applyState(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stateChoice === "") return;
    onApply({ state: stateChoice });
  }

  return (
    <section className="claims-view-bulk" aria-label="Change selected claims">
      <p className="claims-view-bulk-count">
        <strong>
          {selectedCount} {noun} selected
        </strong>{" "}
        <button type="button" className="link-button" onClick={onClearSelection}>
          Clear selection
        </button>
      </p>
      {canLabel && (
        <form className="claims-view-bulk-action" onSubmit={applyLabel}>
          <label htmlFor="claims-bulk-label">Set label</label>
          <select id="claims-bulk-label" value={label} onChange={(event) => setLabel(event.target.value as LabelFilter | "")}>
            <option value="">Choose a label…</option>
            {LABEL_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {LABEL_DISPLAY[choice].name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={label === "" || isPending}>
            Apply label
          </button>
        </form>
      )}
      {canMove && (
        <form className="claims-view-bulk-action" onSubmit={applyState}>
          <label htmlFor="claims-bulk-state">Move to state</label>
          <select
            id="claims-bulk-state"
            value={stateChoice}
            disabled={stateOptions.length === 0}
            aria-describedby={stateOptions.length === 0 ? "claims-bulk-state-hint" : undefined}
            onChange={(event) => setState(event.target.value as StateFilter | "")}
          >
            <option value="">Choose a state…</option>
            {stateOptions.map((choice) => (
              <option key={choice} value={choice}>
                {STATE_DISPLAY[choice]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={stateChoice === "" || isPending}>
            Apply state
          </button>
          {stateOptions.length === 0 && (
            <p id="claims-bulk-state-hint" className="hint">
              Your role cannot move the selected {noun} from {selectedCount === 1 ? "its" : "their"} current state.
            </p>
          )}
        </form>
      )}
      {canAssign && (
        <AssigneePicker
          workspaceId={workspaceId}
          className="claims-view-bulk-action"
          label="Assign to"
          submitLabel="Assign"
          isPending={isPending}
          onAssign={(assigneeId) => onApply({ assigneeId })}
        />
      )}
      {isPending && <p className="muted">Applying…</p>}
    </section>
  );
}
