"use client";

import { useEffect, useState } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { useStoredDraft } from "@/components/forms/use-stored-draft";
import { formatDateTime } from "@/lib/format-date";

type EditableTextProps = {
  id: string;
  label: string;
  hint: string;
  value: string;
  maxLength: number;
  /** Where the unsaved text is kept, so it survives moving to another claim and reloading. */
  draftKey: string;
  isDisabled: boolean;
  onSave: (value: string) => void;
};

/** A saved text field of a claim, edited as a draft that is kept until saved or discarded. */
export function EditableText({ id, label, hint, value, maxLength, draftKey, isDisabled, onSave }: EditableTextProps) {
  const { restored, store } = useStoredDraft(draftKey);
  const [draft, setDraft] = useState(restored?.text ?? value);
  // The saved value the draft started from: a live update of it must not wipe what is being typed.
  const [base, setBase] = useState(restored?.base ?? value);
  const [restoredAt, setRestoredAt] = useState(restored && restored.text.trim() !== value.trim() ? restored.savedAt : null);
  const isDirty = draft.trim() !== base.trim();
  if (value !== base && (!isDirty || value.trim() === draft.trim())) {
    setBase(value);
    setDraft(value);
  }
  const isChangedUnderDraft = value !== base && isDirty && value.trim() !== draft.trim();
  const isChanged = draft.trim() !== value.trim();
  const isTooLong = isOverLimit(draft.trim(), maxLength);
  const lowerLabel = label.toLowerCase();

  useEffect(() => store(isChanged ? { text: draft, base } : null), [isChanged, draft, base, store]);

  function discard() {
    setDraft(value);
    setBase(value);
    setRestoredAt(null);
  }

  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        disabled={isDisabled}
        aria-invalid={isTooLong ? true : undefined}
        aria-describedby={`${id}-hint ${id}-count`}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="field-footer">
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
        <CharacterCount id={`${id}-count`} value={draft.trim()} max={maxLength} />
      </div>
      {restoredAt !== null && isChanged && (
        <p className="alert alert-info draft-note row spread" role="status">
          <span>
            Draft restored: your unsaved {lowerLabel} from <time dateTime={new Date(restoredAt).toISOString()}>{formatDateTime(restoredAt)}</time>.
          </span>
          <button type="button" className="button-secondary" onClick={discard}>
            Discard draft<span className="visually-hidden"> of the {lowerLabel}</span>
          </button>
        </p>
      )}
      {isChangedUnderDraft && (
        <div className="alert alert-warning stack" role="alert">
          <p>
            Someone else changed the {lowerLabel} while you were editing it. Theirs now reads: “{value}”.
          </p>
          <div className="row">
            <button type="button" onClick={() => setBase(value)}>
              Keep editing mine
            </button>
            <button type="button" className="button-secondary" onClick={() => setDraft(value)}>
              Use theirs
            </button>
          </div>
        </div>
      )}
      {isChanged && !isChangedUnderDraft && (
        <div className="row">
          <button type="button" disabled={isDisabled || isTooLong} onClick={() => onSave(draft.trim())}>
            Save {lowerLabel}
          </button>
          <button type="button" className="button-secondary" onClick={discard}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
