"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ANCHOR_QUEUE_SHORTCUTS, ShortcutsDialog } from "@/components/claims/shortcuts-dialog";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { ApiError } from "@/lib/http/api-client";
import { isPageShortcutBlocked } from "@/lib/keyboard/is-typing-target";
import { usePassage } from "@/lib/passages/client/passage-queries";
import { orphanPlaceText } from "@/lib/revisions/anchor-review";
import { useAnchorQueue, useSetClaimAnchor } from "@/lib/revisions/client/revision-queries";
import type { SetClaimAnchorInput } from "@/lib/revisions/revision.schemas";
import { AnchorBadge } from "./anchor-badge";

const QUEUE_SHORTCUT_GROUPS = [{ heading: "Anchors to check", shortcuts: ANCHOR_QUEUE_SHORTCUTS }];

/** The number of UTF-16 code units of `container`'s text before (node, offset). */
function offsetWithin(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The workspace's claims whose anchor awaits a person, one open at a time: the old quote beside
 * the new placement, and the current text to select other words in. Enter confirms, r places the
 * claim on the selection, o leaves it orphaned, j/k move.
 */
export function AnchorQueue({ workspaceId }: { workspaceId: string }) {
  const queue = useAnchorQueue(workspaceId);
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = Math.max(0, items.findIndex((claim) => claim.id === activeId));
  const active = items[activeIndex] ?? null;
  const setAnchor = useSetClaimAnchor(workspaceId);
  const [announcement, setAnnouncement] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [isShortcutsOpen, setIsShortcutsOpen] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const passage = usePassage(active?.passageId ?? "");

  const { mutate } = setAnchor;
  const decide = useCallback(
    (claim: ClaimSummary, input: SetClaimAnchorInput, done: string) => {
      setMessage(null);
      // The next claim opens once this one leaves the queue.
      const next = items[items.indexOf(claim) + 1] ?? items[items.indexOf(claim) - 1] ?? null;
      mutate(
        { claim, input },
        {
          onSuccess: () => {
            setActiveId(next?.id ?? null);
            // A statement that ends a sentence already has its mark.
            setAnnouncement(`${done}: ${claim.statement.replace(/[.!?…]+$/u, "")}. ${Math.max(0, items.length - 1)} left.`);
          },
          onError: (error) => {
            const text =
              error instanceof ApiError && error.status === 412
                ? "Someone changed this claim meanwhile; the queue was reloaded. Look again before deciding."
                : error.message;
            setMessage(text);
            setAnnouncement(text);
            if (error instanceof ApiError && error.status === 412) void queue.refetch();
          },
        },
      );
    },
    [items, mutate, queue],
  );

  const placeOnSelection = useCallback(
    (claim: ClaimSummary) => {
      const container = textRef.current;
      const selection = window.getSelection();
      if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
        const text = "Select the claim's words in the current text, then press r.";
        setMessage(text);
        setAnnouncement(text);
        container?.focus();
        return;
      }
      const range = selection.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
        setMessage("Select words inside the current text of the passage, then press r.");
        return;
      }
      const start = offsetWithin(container, range.startContainer, range.startOffset);
      const end = offsetWithin(container, range.endContainer, range.endOffset);
      selection.removeAllRanges();
      decide(claim, { action: "place", start, end }, "Placed");
    },
    [decide],
  );

  const confirm = useCallback(
    (claim: ClaimSummary) => {
      if (claim.anchor.status !== "changed") {
        const text = "An orphan has no new words to confirm: select its words and press r, or press o to leave it orphaned.";
        setMessage(text);
        setAnnouncement(text);
        return;
      }
      decide(claim, { action: "confirm" }, "Confirmed");
    },
    [decide],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isPageShortcutBlocked(event)) return;
      if (event.key === "?") setIsShortcutsOpen(true);
      else if (!active || setAnchor.isPending) return;
      else if (event.key === "j" || event.key === "k") {
        const next = items[event.key === "j" ? Math.min(items.length - 1, activeIndex + 1) : Math.max(0, activeIndex - 1)];
        if (next) {
          setActiveId(next.id);
          setMessage(null);
        }
      } else if (event.key === "Enter") {
        // Enter on a button or link is that control's own.
        if (event.target instanceof HTMLElement && event.target.closest("button, a, summary, [role='button']")) return;
        confirm(active);
      } else if (event.key === "r") placeOnSelection(active);
      else if (event.key === "o") decide(active, { action: "orphan" }, "Left orphaned");
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [active, activeIndex, items, confirm, placeOnSelection, decide, setAnchor.isPending]);

  const currentText = passage.data && active && passage.data.id === active.passageId ? passage.data : null;
  const isPlacedInText = active !== null && currentText !== null && active.anchor.status !== "orphaned" && active.anchor.revision === currentText.revision;

  useEffect(() => {
    // The new placement in view whenever another claim opens.
    textRef.current?.querySelector("mark")?.scrollIntoView({ block: "center" });
  }, [active?.id, isPlacedInText]);

  if (queue.isPending) return <p className="muted">Loading the queue…</p>;
  if (queue.error) {
    return (
      <p className="alert alert-error" role="alert">
        {queue.error.message} <button type="button" onClick={() => void queue.refetch()}>Retry</button>
      </p>
    );
  }

  return (
    <div className="anchor-queue">
      <div className="row spread">
        <h2 className="visually-hidden">Queue</h2>
        <p>
          {items.length} {items.length === 1 ? "claim waits" : "claims wait"} for a person{queue.data?.nextCursor ? " (showing the first 100)" : ""}.
        </p>
        <button type="button" className="button-secondary" onClick={() => setIsShortcutsOpen(true)} aria-keyshortcuts="?">
          Shortcuts
        </button>
      </div>
      {items.length === 0 ? (
        <div className="empty-state">
          <h2>Every claim is on its words</h2>
          <p>When a revised passage moves a claim&apos;s words or removes them, the claim waits here for a person.</p>
        </div>
      ) : (
        <div className="anchor-queue-layout">
          <nav aria-label="Claims to check">
            <ol className="list anchor-queue-list">
              {items.map((claim, index) => (
                <li key={claim.id}>
                  <button type="button" className="claim-list-item" aria-current={index === activeIndex ? "true" : undefined} onClick={() => setActiveId(claim.id)}>
                    <span className="claim-list-statement">{claim.statement}</span>
                    <span className="claim-list-meta">
                      <span>{claim.passageTitle}</span>
                      <AnchorBadge claim={claim} />
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {active && (
            <section className="stack anchor-queue-item" aria-labelledby="anchor-item-heading">
              <h2 id="anchor-item-heading">
                Claim {activeIndex + 1} of {items.length}: {active.statement}
              </h2>
              <p className="row">
                <AnchorBadge claim={active} />
                <Link href={`/w/${workspaceId}/passages/${active.passageId}?claim=${active.id}`}>Open in “{active.passageTitle}”</Link>
              </p>
              <div className="anchor-sides">
                <section aria-labelledby="anchor-before-heading" className="anchor-side">
                  <h3 id="anchor-before-heading">Before{active.anchor.status === "orphaned" ? ` (${orphanPlaceText(active.anchor.revision)})` : ""}</h3>
                  <blockquote className="anchor-quote" dir="auto">{active.anchor.previousQuote ?? active.target.quote.exact}</blockquote>
                </section>
                <section aria-labelledby="anchor-now-heading" className="anchor-side">
                  <h3 id="anchor-now-heading">Now{currentText ? ` (revision ${currentText.revision})` : ""}</h3>
                  {active.anchor.status === "orphaned" ? (
                    <p className="muted">Its words are gone from the newest revision.</p>
                  ) : (
                    <blockquote className="anchor-quote" dir="auto">
                      <span className="muted">…{active.target.quote.prefix}</span>
                      <mark>{active.target.quote.exact}</mark>
                      <span className="muted">{active.target.quote.suffix}…</span>
                    </blockquote>
                  )}
                </section>
              </div>
              {message && (
                <p className="alert alert-info" role="alert">
                  {message}
                </p>
              )}
              <div className="row">
                <button type="button" onClick={() => confirm(active)} disabled={active.anchor.status !== "changed" || setAnchor.isPending} aria-keyshortcuts="Enter">
                  Confirm new words <kbd>Enter</kbd>
                </button>
                <button type="button" className="button-secondary" onClick={() => placeOnSelection(active)} disabled={setAnchor.isPending} aria-keyshortcuts="r">
                  Place on selection <kbd>r</kbd>
                </button>
                <button type="button" className="button-secondary" onClick={() => decide(active, { action: "orphan" }, "Left orphaned")} disabled={setAnchor.isPending} aria-keyshortcuts="o">
                  Leave orphaned <kbd>o</kbd>
                </button>
              </div>
              <section aria-labelledby="anchor-text-heading" className="stack">
                <h3 id="anchor-text-heading">Current text{currentText ? ` of “${currentText.title}”` : ""}</h3>
                <p className="hint">Select other words here and press r to place the claim on them.</p>
                {passage.error && (
                  <p className="alert alert-error" role="alert">
                    {passage.error.message}
                  </p>
                )}
                {currentText ? (
                  <div ref={textRef} className="revision-text" tabIndex={0} role="region" aria-label={`Words of revision ${currentText.revision}`}>
                    {isPlacedInText ? (
                      <>
                        {currentText.text.slice(0, active.target.position.start)}
                        <mark>{currentText.text.slice(active.target.position.start, active.target.position.end)}</mark>
                        {currentText.text.slice(active.target.position.end)}
                      </>
                    ) : (
                      currentText.text
                    )}
                  </div>
                ) : (
                  !passage.error && <p className="muted">Loading the text…</p>
                )}
              </section>
            </section>
          )}
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ShortcutsDialog isOpen={isShortcutsOpen} onClose={() => setIsShortcutsOpen(false)} groups={QUEUE_SHORTCUT_GROUPS} />
    </div>
  );
}
