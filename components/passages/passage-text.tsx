"use client";

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { trimSpan } from "@/lib/claims/anchoring";
import { caretCommandFor, type CaretCommand } from "@/lib/keyboard/caret-keys";
import { innermostSpanAt, isCollapsed, moveSelection, selectSentence, type CaretSelection } from "@/lib/passages/caret-moves";
import { ClaimAnchors, claimName, claimStatus, type HighlightedClaim } from "./claim-anchors";
import { revealRange } from "./reveal-range";
import { allLineElements, domPointAt, rangeFor, splitLines, textOffsetOf } from "./text-offsets";

export type { HighlightedClaim };
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

const HIGHLIGHT_NAMES = ["claim-factual", "claim-opinion", "claim-disputed", "claim-none", "claim-anchor-changed", "claim-selected"] as const;

const Lines = memo(function Lines({ text }: { text: string }) {
  return splitLines(text).map((line) => (
    <p key={line.start} data-start={line.start} className="passage-line" dir="auto">
      {line.text}
    </p>
  ));
});

/**
 * The passage text with its claims painted by the CSS Custom Highlight API: ranges over the text
 * nodes, no wrapper elements, so thousands of claims cost little and overlaps just paint twice.
 */
/**
 * The passage text with its claims painted by the CSS Custom Highlight API: ranges over the text
 * nodes, no wrapper elements, so thousands of claims cost little and overlaps just paint twice.
 * A painted caret and the keys of lib/keyboard/caret-keys.ts let a keyboard select any span; the
 * claims reach assistive technology through ClaimAnchors and a live region the caret speaks to.
 */
export function PassageText({ text, claims, selectedClaimId, canMark, isMarking, onMark, onOpenClaim, suggestions = NO_SPANS, focusedSuggestion = null }: PassageTextProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const caretElementRef = useRef<HTMLSpanElement>(null);
  const [selection, setSelection] = useState<Span | null>(null);
  // Until hydration, keys and selections reach no handler; the attribute tells scripts when they will.
  const isHydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  // Ranges stay valid while the text is unchanged, so a relabel only regroups them.
  const rangeCache = useRef(new Map<string, Range>());
  // Where the caret was when the DOM selection left the text (focus moved, or a claim was marked).
  const lastCaret = useRef<CaretSelection | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [layoutVersion, setLayoutVersion] = useState(0);
  const isRevealingCaret = useRef(false);
  const [caretAnnouncement, setCaretAnnouncement] = useState("");
  const announcedClaimId = useRef<string | null>(null);
  const [anchorFocusedClaim, setAnchorFocusedClaim] = useState<HighlightedClaim | null>(null);
  const claimsInReadingOrder = useMemo(() => [...claims].sort((a, b) => a.start - b.start || b.end - a.end), [claims]);

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
      "claim-anchor-changed": [],
      "claim-selected": [],
    };
    for (const claim of claims) {
      const key = `${claim.start}:${claim.end}`;
      const range = cache.get(key) ?? rangeFor(container, claim.start, claim.end, elements);
      if (!range) continue;
      cache.set(key, range);
      groups[`claim-${claim.label ?? "none"}`].push(range);
      if (claim.isAnchorChanged) groups["claim-anchor-changed"].push(range.cloneRange());
      if (claim.id === selectedClaimId) groups["claim-selected"].push(range.cloneRange());
    }
    for (const name of HIGHLIGHT_NAMES) {
      const highlight = new Highlight(...groups[name]);
      highlight.priority = name === "claim-selected" ? 2 : name === "claim-anchor-changed" ? 1 : 0;
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

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !anchorFocusedClaim || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const range = rangeFor(container, anchorFocusedClaim.start, anchorFocusedClaim.end);
    if (!range) return;
    const highlight = new Highlight(range);
    highlight.priority = 2;
    CSS.highlights.set("claim-focused", highlight);
    return () => {
      CSS.highlights.delete("claim-focused");
    };
  }, [anchorFocusedClaim]);

  // The claim just opened (from the list, with j/k, or by a link) is brought into view once, when its
  // span is known; a refetch or relabel does not scroll again, nor does a claim already in view.
  const toolbarRef = useRef<HTMLDivElement>(null);
  const revealedClaimId = useRef<string | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container || selectedClaimId === revealedClaimId.current) return;
    const opened = claims.find((claim) => claim.id === selectedClaimId);
    if (selectedClaimId && !opened) return;
    revealedClaimId.current = selectedClaimId;
    const range = opened && rangeFor(container, opened.start, opened.end);
    if (range) revealRange(range, toolbarRef.current);
  }, [claims, selectedClaimId]);

  const focusedStart = focusedSuggestion?.start;
  useEffect(() => {
    const container = containerRef.current;
    if (!container || focusedStart === undefined) return;
    const [node] = domPointAt(container, focusedStart) ?? [];
    node?.parentElement?.scrollIntoView({ block: "nearest" });
  }, [focusedStart]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const observer = new ResizeObserver(() => setLayoutVersion((version) => version + 1));
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

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

  /** The DOM selection with its direction, when both its ends are in the text. */
  const readCaretSelection = useCallback((): CaretSelection | null => {
    const container = containerRef.current;
    const current = window.getSelection();
    if (!container || !current?.anchorNode || !current.focusNode) return null;
    const anchor = textOffsetOf(container, current.anchorNode, current.anchorOffset);
    const focus = textOffsetOf(container, current.focusNode, current.focusOffset);
    return anchor === null || focus === null ? null : { anchor, focus };
  }, []);

  useEffect(() => {
    const onSelectionChange = () => {
      setSelection(readSelection());
      const current = readCaretSelection();
      if (!current) return;
      lastCaret.current = current;
      setCaret(current.focus);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [readSelection, readCaretSelection]);

  // The caret is painted, not the browser's: text that is not editable shows no caret of its own.
  const placeCaretElement = useCallback((offset: number | null, reveal: ScrollLogicalPosition | null) => {
    const container = containerRef.current;
    const element = caretElementRef.current;
    if (!container || !element) return;
    const point = offset === null ? null : domPointAt(container, offset);
    element.hidden = point === null;
    if (!point) return;
    const range = new Range();
    range.setStart(point[0], point[1]);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const outer = container.getBoundingClientRect();
    element.style.top = `${rect.top - outer.top - container.clientTop + container.scrollTop}px`;
    element.style.left = `${rect.left - outer.left - container.clientLeft + container.scrollLeft}px`;
    element.style.height = `${rect.height || Number.parseFloat(getComputedStyle(container).lineHeight) || 20}px`;
    if (reveal) element.scrollIntoView({ block: reveal, inline: "nearest" });
  }, []);

  useLayoutEffect(() => {
    placeCaretElement(caret, isRevealingCaret.current ? "nearest" : null);
    isRevealingCaret.current = false;
  }, [caret, layoutVersion, text, placeCaretElement]);

  const caretClaim = caret === null ? null : innermostSpanAt(claimsInReadingOrder, caret);

  function announceClaimAt(offset: number) {
    const entered = innermostSpanAt(claimsInReadingOrder, offset);
    if ((entered?.id ?? null) === announcedClaimId.current) return;
    announcedClaimId.current = entered?.id ?? null;
    const position = entered ? claimsInReadingOrder.indexOf(entered) + 1 : 0;
    setCaretAnnouncement(entered ? claimName(text, entered, position, claimsInReadingOrder.length) : "");
  }

  function setDomSelection(next: CaretSelection) {
    const container = containerRef.current;
    if (!container) return;
    const elements = allLineElements(container);
    const anchor = domPointAt(container, next.anchor, elements);
    const focus = domPointAt(container, next.focus, elements);
    if (anchor && focus) window.getSelection()?.setBaseAndExtent(anchor[0], anchor[1], focus[0], focus[1]);
  }

  function applyCaretSelection(next: CaretSelection) {
    setDomSelection(next);
    lastCaret.current = next;
    isRevealingCaret.current = true;
    setCaret(next.focus);
    setSelection(readSelection());
    announceClaimAt(next.focus);
  }

  function firstVisibleOffset(): number {
    const container = containerRef.current;
    const top = Math.max(container?.getBoundingClientRect().top ?? 0, 0);
    const line = container && allLineElements(container).find((element) => element.getBoundingClientRect().bottom > top);
    return line ? Number(line.dataset.start) : 0;
  }

  // Lines as laid out on screen are the browser's to measure; Selection.modify moves over them.
  function moveByLayout(from: CaretSelection, command: Extract<CaretCommand, { kind: "move-by-layout" }>): CaretSelection {
    setDomSelection(from);
    window.getSelection()?.modify(command.isExtending ? "extend" : "move", command.direction === 1 ? "forward" : "backward", command.granularity);
    // Past the first or last line the browser leaves the text: stop at its edge instead.
    return readCaretSelection() ?? moveSelection(text, from, command.granularity === "line" ? "text" : "paragraph", command.direction, command.isExtending);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === "m") {
      const current = readSelection();
      if (!current || !canMark) return;
      event.preventDefault();
      onMark(current);
      return;
    }
    const command = caretCommandFor(event);
    if (!command) return;
    const from = readCaretSelection() ?? lastCaret.current ?? { anchor: firstVisibleOffset(), focus: firstVisibleOffset() };
    if (command.kind === "collapse") {
      // A first Escape drops the selection; the next one reaches the page and closes the open claim.
      if (isCollapsed(from)) return;
      event.stopPropagation();
      applyCaretSelection({ anchor: from.focus, focus: from.focus });
    } else if (command.kind === "select-sentence") {
      applyCaretSelection(selectSentence(text, from));
    } else if (command.kind === "move") {
      applyCaretSelection(moveSelection(text, from, command.unit, command.direction, command.isExtending));
    } else {
      applyCaretSelection(moveByLayout(from, command));
    }
    event.preventDefault();
  }

  const claimsByStart = useMemo(() => [...claims].sort((a, b) => a.end - a.start - (b.end - b.start)), [claims]);

  function openClaimAtPoint(x: number, y: number) {
    const container = containerRef.current;
    if (!container || readSelection()) return;
    const point = document.caretPositionFromPoint?.(x, y);
    if (!point) return;
    const offset = textOffsetOf(container, point.offsetNode, point.offset);
    if (offset === null) return;
    // The innermost (shortest) claim under the pointer wins when claims nest.
    const hit = claimsByStart.find((claim) => claim.start <= offset && offset < claim.end);
    if (hit) onOpenClaim(hit.id);
  }

  function revealClaim(claim: HighlightedClaim): DOMRect | null {
    const container = containerRef.current;
    if (!container) return null;
    lastCaret.current = { anchor: claim.start, focus: claim.start };
    setCaret(claim.start);
    placeCaretElement(claim.start, "center");
    return rangeFor(container, claim.start, claim.end)?.getClientRects()[0] ?? null;
  }

  return (
    <div className="passage-text-wrapper">
      <div ref={toolbarRef} className="mark-toolbar" aria-live="polite">
        {canMark ? (
          <button type="button" disabled={!selection || isMarking} onClick={() => selection && onMark(selection)}>
            {isMarking ? "Marking…" : selection ? `Mark claim (${selection.end - selection.start} characters)` : "Mark claim"}
          </button>
        ) : (
          <span className="muted">Your role can read but not mark claims.</span>
        )}
        <span className="hint">Select with the mouse, or focus the text: arrows move the caret, Shift+arrows select, “.” selects a sentence, Enter marks. “?” lists every key.</span>
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
        onFocus={(event) => {
          if (event.target !== event.currentTarget || readCaretSelection()) return;
          lastCaret.current ??= { anchor: firstVisibleOffset(), focus: firstVisibleOffset() };
          setCaret(lastCaret.current.focus);
        }}
      >
        <span ref={caretElementRef} className="passage-caret" aria-hidden="true" data-label={caretClaim ? claimStatus(caretClaim) : undefined} />
        <Lines text={text} />
      </div>
      <ClaimAnchors
        text={text}
        claims={claimsInReadingOrder}
        selectedClaimId={selectedClaimId}
        revealClaim={revealClaim}
        onFocusClaim={setAnchorFocusedClaim}
        onOpenClaim={(claim) => onOpenClaim(claim.id)}
      />
      <p className="visually-hidden" aria-live="polite">
        {caretAnnouncement}
      </p>
    </div>
  );
}

const NO_SPANS: Span[] = [];

function subscribeToNothing(): () => void {
  return () => undefined;
}
