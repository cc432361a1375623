"use client";

import type { RefObject } from "react";
import { useRatingScale } from "@/lib/ratings/client/rating-queries";

type VerdictPickerProps = {
  workspaceId: string;
  verdict: string | null;
  verdictName: string | null;
  /** Editors and owners give verdicts; everyone else reads them. */
  canDecide: boolean;
  isDisabled: boolean;
  selectRef: RefObject<HTMLSelectElement | null>;
  onChange: (verdict: string | null) => void;
};

/**
 * The claim's verdict, picked from the workspace's scale. Retired ratings are not offered, except
 * the claim's own, which it keeps.
 */
export function VerdictPicker({ workspaceId, verdict, verdictName, canDecide, isDisabled, selectRef, onChange }: VerdictPickerProps) {
  const scale = useRatingScale(workspaceId);
  const ratings = scale.data?.ratings ?? [];
  const current = ratings.find((rating) => rating.key === verdict);
  const options = ratings.filter((rating) => !rating.retired || rating.key === verdict);
  const name = current?.name ?? verdictName;
  const hint = current?.description || "Whether the claim holds, on your workspace's rating scale. Factual and disputed claims need one to be verified.";

  if (!canDecide) {
    return (
      <div>
        <p>
          Verdict: <strong>{name ?? "none yet"}</strong>
        </p>
        {current?.description && <p className="hint">{current.description}</p>}
      </div>
    );
  }
  return (
    <div>
      <label htmlFor="claim-verdict-rating">
        Verdict <kbd>v</kbd>
      </label>
      <select
        id="claim-verdict-rating"
        ref={selectRef}
        value={verdict ?? ""}
        disabled={isDisabled}
        aria-describedby="claim-verdict-rating-hint"
        aria-keyshortcuts="v"
        onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
      >
        <option value="">No verdict yet</option>
        {options.map((rating) => (
          <option key={rating.key} value={rating.key}>
            {rating.name}
            {rating.retired ? " (retired)" : ""}
          </option>
        ))}
        {verdict && !current && <option value={verdict}>{verdictName ?? verdict}</option>}
      </select>
      <p id="claim-verdict-rating-hint" className="hint">
        {hint}
      </p>
      {scale.error && <p className="field-error">The rating scale could not be loaded: {scale.error.message}</p>}
    </div>
  );
}
