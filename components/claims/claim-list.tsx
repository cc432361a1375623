"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { LABEL_DISPLAY, labelKey, STATE_DISPLAY } from "@/lib/claims/label-display";
import { AnchorBadge } from "@/components/revisions/anchor-badge";

type ClaimListProps = { claims: ClaimSummary[]; selectedClaimId: string | null; onOpen: (claimId: string) => void };

const ROW_HEIGHT = 64;

/** The passage's claims in text order; virtualized so thousands stay cheap to render. */
export function ClaimList({ claims, selectedClaimId, onOpen }: ClaimListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the list re-renders on every scroll by design
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = claims.findIndex((claim) => claim.id === selectedClaimId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  if (claims.length === 0) {
    return (
      <div className="empty-state small">
        <h3>No claims yet</h3>
        <p>Select a sentence or a number in the text and choose “Mark claim”.</p>
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="claim-list" aria-label={`Claims in this passage (${claims.length})`} role="region">
      <ul style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((row) => {
          const claim = claims[row.index];
          if (!claim) return null;
          const label = LABEL_DISPLAY[labelKey(claim.label)];
          return (
            <li
              key={claim.id}
              aria-posinset={row.index + 1}
              aria-setsize={claims.length}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
            >
              <button
                type="button"
                className={`claim-list-item label-${labelKey(claim.label)}`}
                aria-current={claim.id === selectedClaimId ? "true" : undefined}
                onClick={() => onOpen(claim.id)}
              >
                <span className="claim-list-statement">{claim.statement}</span>
                <span className="claim-list-meta">
                  <span className={`label-chip label-${labelKey(claim.label)}`}>
                    <span aria-hidden="true">{label.symbol}</span> {label.name}
                  </span>
                  <span className={`state-chip state-${claim.state}`}>{STATE_DISPLAY[claim.state]}</span>
                  <AnchorBadge claim={claim} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
