"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { useAcceptSuggestions, useDismissSuggestion } from "@/lib/suggestions/client/suggestion-queries";
import { DEFAULT_MIN_SCORE, type Suggestion } from "@/lib/suggestions/suggestion.schemas";
import { formatScore, REASON_TEXT } from "./suggestion-display";
import type { SuggestionsState } from "./use-suggestions";

type SuggestionsPanelProps = {
  passageId: string;
  role: Role;
  suggestions: SuggestionsState;
  onAnnounce: (message: string) => void;
};

const DEFAULT_ACCEPT_THRESHOLD = 0.6;
const keyOf = (item: { start: number; end: number }) => `${item.start}:${item.end}`;

/**
 * Check-worthy sentences the reader has not marked: each with its score, suggested label and the
 * features behind it. With a suggestion focused, Enter accepts it as a draft claim and x dismisses it.
 */
export function SuggestionsPanel({ passageId, role, suggestions, onAnnounce }: SuggestionsPanelProps) {
  const { isShown, setIsShown, query, items, focused, setFocused } = suggestions;
  const acceptSuggestions = useAcceptSuggestions(passageId);
  const dismissSuggestion = useDismissSuggestion(passageId);
  const [threshold, setThreshold] = useState(DEFAULT_ACCEPT_THRESHOLD);
  const canDecide = can(role, "claim.create");
  const hintId = useId();
  const thresholdId = useId();
  const itemRefs = useRef(new Map<string, HTMLButtonElement>());
  // After Enter or x the next suggestion takes the focus, so a run of them can be worked through.
  const focusAfterChange = useRef<number | null>(null);
  const aboveThreshold = items.filter((item) => item.score >= threshold).length;
  const error = acceptSuggestions.error ?? dismissSuggestion.error ?? query.error;

  useEffect(() => {
    const index = focusAfterChange.current;
    if (index === null) return;
    focusAfterChange.current = null;
    const next = items[Math.min(index, items.length - 1)];
    if (next) itemRefs.current.get(keyOf(next))?.focus();
  }, [items]);

  function accept(item: Suggestion, index: number) {
    focusAfterChange.current = index;
    acceptSuggestions.mutate(
      { suggestions: [{ start: item.start, end: item.end }] },
      { onSuccess: () => onAnnounce(`Suggestion accepted as a ${item.suggestedLabel} draft claim.`) },
    );
  }

  function dismiss(item: Suggestion, index: number) {
    focusAfterChange.current = index;
    dismissSuggestion.mutate({ start: item.start, end: item.end }, { onSuccess: () => onAnnounce("Suggestion dismissed.") });
  }

  function onItemKeyDown(event: KeyboardEvent<HTMLButtonElement>, item: Suggestion, index: number) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const next = items[event.key === "ArrowDown" ? Math.min(items.length - 1, index + 1) : Math.max(0, index - 1)];
      if (next) itemRefs.current.get(keyOf(next))?.focus();
    } else if (event.key === "Enter" && canDecide) {
      accept(item, index);
    } else if (event.key === "x" && canDecide) {
      dismiss(item, index);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <section className="suggestions-panel stack" aria-labelledby={`${hintId}-heading`}>
      <div className="row spread">
        <h2 id={`${hintId}-heading`}>Suggestions {isShown && query.data ? `(${items.length})` : ""}</h2>
        <label className="inline">
          <input type="checkbox" checked={isShown} onChange={(event) => setIsShown(event.target.checked)} />
          Show suggestions
        </label>
      </div>
      {isShown && (
        <>
          {query.isPending && <p className="muted">Finding check-worthy sentences…</p>}
          {error && (
            <p className="alert alert-error" role="alert">
              {error.message}
            </p>
          )}
          {canDecide && items.length > 0 && (
            <div className="suggestions-bulk row">
              <label htmlFor={thresholdId}>Accept all scoring at least</label>
              <input
                id={thresholdId}
                type="number"
                min={DEFAULT_MIN_SCORE}
                max={1}
                step={0.05}
                value={threshold}
                onChange={(event) => {
                  const value = Number(event.target.value);
                  if (Number.isFinite(value)) setThreshold(Math.min(1, Math.max(DEFAULT_MIN_SCORE, value)));
                }}
              />
              <button
                type="button"
                className="button-secondary"
                disabled={aboveThreshold === 0 || acceptSuggestions.isPending}
                onClick={() =>
                  acceptSuggestions.mutate(
                    { minScore: threshold },
                    { onSuccess: (claims) => onAnnounce(`${claims.length} suggestions accepted as draft claims.`) },
                  )
                }
              >
                Accept {aboveThreshold} as drafts
              </button>
            </div>
          )}
          <p id={hintId} className="hint">
            {canDecide
              ? "Focus a suggestion: Enter accepts it as a draft claim, x dismisses it, ↑/↓ move between them."
              : "Your role can read suggestions but not accept or dismiss them."}
          </p>
          {query.data && items.length === 0 && <p className="muted">No open suggestions: every check-worthy sentence is marked or dismissed.</p>}
          <ul className="suggestion-list">
            {items.map((item, index) => (
              <li key={keyOf(item)}>
                <button
                  ref={(element) => {
                    if (element) itemRefs.current.set(keyOf(item), element);
                    else itemRefs.current.delete(keyOf(item));
                  }}
                  type="button"
                  className="suggestion-item"
                  aria-current={focused && keyOf(focused) === keyOf(item) ? "true" : undefined}
                  aria-describedby={hintId}
                  aria-keyshortcuts={canDecide ? "Enter x" : undefined}
                  onFocus={() => setFocused({ start: item.start, end: item.end })}
                  onClick={() => setFocused({ start: item.start, end: item.end })}
                  onKeyDown={(event) => onItemKeyDown(event, item, index)}
                >
                  <span className="suggestion-exact">{item.exact}</span>
                  <span className="suggestion-meta">
                    <span className={`label-chip label-${item.suggestedLabel}`}>{item.suggestedLabel}</span>
                    <span>score {formatScore(item.score)}</span>
                    {item.reasons.length > 0 && <span className="muted">{item.reasons.map((reason) => REASON_TEXT[reason]).join(", ")}</span>}
                  </span>
                  {item.warnings.map((warning) => (
                    // Part of the button's name, so a screen reader reads the warning with the sentence it concerns.
                    <span key={warning.reason} className="suggestion-warning">
                      <span aria-hidden="true">⚠ </span>
                      {warning.message}
                    </span>
                  ))}
                </button>
                {canDecide && focused && keyOf(focused) === keyOf(item) && (
                  <span className="row suggestion-actions">
                    <button type="button" onClick={() => accept(item, index)} disabled={acceptSuggestions.isPending}>
                      Accept
                    </button>
                    <button type="button" className="button-secondary" onClick={() => dismiss(item, index)}>
                      Dismiss
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
