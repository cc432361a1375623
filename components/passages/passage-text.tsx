"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { trimSpan } from "@/lib/claims/anchoring";
import type { ClaimLabel } from "@/lib/generated/prisma/enums";
import { allLineElements, domPointAt, rangeFor, splitLines, textOffsetOf } from "./text-offsets";

export type HighlightedClaim = { id: string; start: number; end: number; label: ClaimLabel | null };
type Span = { start: number; end: number };

type PassageTextProps = {
  text: string;
  claims: HighlightedClaim[];
  selectedClaimId: string | null;
  canMark: boolean;
  isMarking: boolean;
  onMark: (span: Span) => void;
  onOpenClaim: (claimId: string) => void;
  /** Suggested sentences, painted dashed; the focused one is also scrolled into view. */
  suggestions?: Span[];
  focusedSuggestion?: Span | null;
};

const HIGHLIGHT_NAMES = ["claim-factual", "claim-opinion", "claim-disputed", "claim-none", "claim-selected"] as const;

const Lines = memo(function Lines({ text }: { text: string }) {
  return splitLines(text).map((line) => (
    <p key={line.start} data-start={line.start} className="passage-line">
      {line.text}
    </p>
  ));
});

/**
 * The passage text with its claims painted by the CSS Custom Highlight API: ranges over the text
 * nodes, no wrapper elements, so thousands of claims cost little and overlaps just paint twice.
 */
export function PassageText({ text, claims, selectedClaimId, canMark, isMarking, onMark, onOpenClaim, suggestions = NO_SPANS, focusedSuggestion = null }: PassageTextProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Span | null>(null);
  // Until hydration, keys and selections reach no handler; the attribute tells scripts when they will.
  const isHydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const keyboardSpan = useRef<{ anchor: number; focus: number } | null>(null);
  // Ranges stay valid while the text is unchanged, so a relabel only regroups them.
  const rangeCache = useRef(new Map<string, Range>());

  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const elements = allLineElements(container);
    const cache = rangeCache.current;
    const groups: Record<(typeof HIGHLIGHT_NAMES)[number], Range[]> = {
      "claim-factual": [],
      "claim-opinion": [],
      "claim-disputed": [],
      "claim-none": [],
      "claim-selected": [],
    };
    for (const claim of claims) {
      const key = `${claim.start}:${claim.end}`;
      const range = cache.get(key) ?? rangeFor(container, claim.start, claim.end, elements);
      if (!range) continue;
      cache.set(key, range);
      groups[`claim-${claim.label ?? "none"}`].push(range);
      if (claim.id === selectedClaimId) groups["claim-selected"].push(range.cloneRange());
    }
    for (const name of HIGHLIGHT_NAMES) {
      const highlight = new Highlight(...groups[name]);
      highlight.priority = name === "claim-selected" ? 1 : 0;
      CSS.highlights.set(name, highlight);
    }
    return () => {
      for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
    };
  }, [claims, selectedClaimId]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const elements = allLineElements(container);
    const ranges = suggestions.flatMap((span) => rangeFor(container, span.start, span.end, elements) ?? []);
    const focused = focusedSuggestion && rangeFor(container, focusedSuggestion.start, focusedSuggestion.end, elements);
    CSS.highlights.set("claim-suggestion", new Highlight(...ranges));
    CSS.highlights.set("claim-suggestion-focused", new Highlight(...(focused ? [focused] : [])));
    return () => {
      CSS.highlights.delete("claim-suggestion");
      CSS.highlights.delete("claim-suggestion-focused");
    };
  }, [suggestions, focusedSuggestion]);

  const focusedStart = focusedSuggestion?.start;
  useEffect(() => {
    const container = containerRef.current;
    if (!container || focusedStart === undefined) return;
    const [node] = domPointAt(container, focusedStart) ?? [];
    node?.parentElement?.scrollIntoView({ block: "nearest" });
  }, [focusedStart]);

  const readSelection = useCallback((): Span | null => {
    const container = containerRef.current;
    const current = window.getSelection();
    if (!container || !current || current.rangeCount === 0 || current.isCollapsed) return null;
    const range = current.getRangeAt(0);
    const start = textOffsetOf(container, range.startContainer, range.startOffset);
    const end = textOffsetOf(container, range.endContainer, range.endOffset);
    if (start === null || end === null || start === end) return null;
    const trimmed = trimSpan(text, { start: Math.min(start, end), end: Math.max(start, end) });
    return trimmed.start < trimmed.end ? trimmed : null;
  }, [text]);

  useEffect(() => {
    const onSelectionChange = () => setSelection(readSelection());
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [readSelection]);

  const claimsByStart = useMemo(() => [...claims].sort((a, b) => a.end - a.start - (b.end - b.start)), [claims]);

  function openClaimAtPoint(x: number, y: number) {
    const container = containerRef.current;
    if (!container || readSelection()) return;
    const caret = document.caretPositionFromPoint?.(x, y);
    if (!caret) return;
    const offset = textOffsetOf(container, caret.offsetNode, caret.offset);
    if (offset === null) return;
    // The innermost (shortest) claim under the pointer wins when claims nest.
    const hit = claimsByStart.find((claim) => claim.start <= offset && offset < claim.end);
    if (hit) onOpenClaim(hit.id);
  }

  // Keyboard selection: with focus on the text, Shift+arrows extend a selection from the caret.
  // The span lives in a ref because `selectionchange` arrives a task later than the next key can.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const container = containerRef.current;
    if (!container) return;
    if (event.key === "Enter" || event.key === "m") {
      const current = readSelection();
      if (!current || !canMark) return;
      event.preventDefault();
      onMark(current);
      return;
    }
    if (!event.shiftKey || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
    event.preventDefault();
    const live = readSelection();
    const known = keyboardSpan.current;
    const knownTrimmed = known && trimSpan(text, { start: Math.min(known.anchor, known.focus), end: Math.max(known.anchor, known.focus) });
    // A mouse selection made since the last key replaces the keyboard span.
    const isKnownLive = knownTrimmed !== null && (live === null ? knownTrimmed.start >= knownTrimmed.end : live.start === knownTrimmed.start && live.end === knownTrimmed.end);
    const start = firstWordStart(text);
    const span = isKnownLive && known ? known : live ? { anchor: live.start, focus: live.end } : { anchor: start, focus: start };
    const step = event.ctrlKey || event.altKey ? wordStep : charStep;
    const next = { anchor: span.anchor, focus: step(text, span.focus, event.key === "ArrowRight" ? 1 : -1) };
    keyboardSpan.current = next;
    const range = rangeFor(container, Math.min(next.anchor, next.focus), Math.max(next.anchor, next.focus));
    const domSelection = window.getSelection();
    if (range && domSelection) {
      domSelection.removeAllRanges();
      domSelection.addRange(range);
      setSelection(readSelection());
    }
  }

  return (
    <div className="passage-text-wrapper">
      <div className="mark-toolbar" aria-live="polite">
        {canMark ? (
          <button type="button" disabled={!selection || isMarking} onClick={() => selection && onMark(selection)}>
            {isMarking ? "Marking…" : selection ? `Mark claim (${selection.end - selection.start} characters)` : "Mark claim"}
          </button>
        ) : (
          <span className="muted">Your role can read but not mark claims.</span>
        )}
        <span className="hint">Select text with the mouse, or focus the text and use Shift+arrows; Enter marks it.</span>
      </div>
      <div
        ref={containerRef}
        className="passage-text"
        tabIndex={0}
        role="document"
        data-interactive={isHydrated ? "true" : undefined}
        aria-label="Passage text. Select text to mark a claim."
        onClick={(event) => openClaimAtPoint(event.clientX, event.clientY)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          keyboardSpan.current = null;
        }}
      >
        <Lines text={text} />
      </div>
    </div>
  );
}

const NO_SPANS: Span[] = [];

function subscribeToNothing(): () => void {
  return () => undefined;
}

function firstWordStart(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : 0;
}

// Steps over a whole surrogate pair, so a selection never cuts an emoji in half.
function charStep(text: string, from: number, direction: 1 | -1): number {
  const next = Math.min(text.length, Math.max(0, from + direction));
  const code = text.charCodeAt(next);
  const isInsidePair = next > 0 && next < text.length && code >= 0xdc00 && code <= 0xdfff;
  return isInsidePair ? charStep(text, next, direction) : next;
}

function wordStep(text: string, from: number, direction: 1 | -1): number {
  let at = from;
  if (direction === 1) {
    while (at < text.length && /\s/.test(text[at] ?? "")) at++;
    while (at < text.length && !/\s/.test(text[at] ?? "")) at++;
  } else {
    while (at > 0 && /\s/.test(text[at - 1] ?? "")) at--;
    while (at > 0 && !/\s/.test(text[at - 1] ?? "")) at--;
  }
  return at;
}
