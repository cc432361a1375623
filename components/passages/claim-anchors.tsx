"use client";

import { useState, type CSSProperties } from "react";
import { LABEL_DISPLAY, labelKey, STATE_DISPLAY } from "@/lib/claims/label-display";
import type { ClaimLabel, ReviewState } from "@/lib/generated/prisma/enums";
import { firstWords } from "@/lib/passages/caret-moves";

export type HighlightedClaim = { id: string; start: number; end: number; label: ClaimLabel | null; state?: ReviewState; isAnchorChanged?: boolean };

/** "factual, in review": how a claim's label and state read, in the list and when the caret enters it. */
export function claimStatus(claim: HighlightedClaim): string {
  const label = LABEL_DISPLAY[labelKey(claim.label)].name.toLowerCase();
  const status = claim.state ? `${label}, ${STATE_DISPLAY[claim.state].toLowerCase()}` : label;
  return claim.isAnchorChanged ? `${status}, text changed: check its words` : status;
}

export function claimName(text: string, claim: HighlightedClaim, position: number, count: number): string {
  return `Claim ${position} of ${count}: ${claimStatus(claim)}: ${firstWords(text, claim, 8)}`;
}

type ClaimAnchorsProps = {
  text: string;
  /** In reading order. */
  claims: HighlightedClaim[];
  selectedClaimId: string | null;
  /** The viewport box of a claim's first line, after scrolling it into view. */
  revealClaim: (claim: HighlightedClaim) => DOMRect | null;
  onFocusClaim: (claim: HighlightedClaim | null) => void;
  onOpenClaim: (claim: HighlightedClaim) => void;
};

/**
 * The claims painted in the text have no elements of their own, so assistive technology gets them
 * here: one named button per claim, in reading order, hidden until focused and then shown beside
 * its span with its label and state.
 */
export function ClaimAnchors({ text, claims, selectedClaimId, revealClaim, onFocusClaim, onOpenClaim }: ClaimAnchorsProps) {
  const [focused, setFocused] = useState<{ id: string; box: CSSProperties } | null>(null);
  if (claims.length === 0) return null;
  return (
    <ol className="claim-anchors" aria-label="Claims in the text, in reading order">
      {claims.map((claim, index) => (
        <li key={claim.id}>
          <button
            type="button"
            className="claim-anchor"
            data-label={labelKey(claim.label)}
            aria-current={claim.id === selectedClaimId ? "true" : undefined}
            style={focused?.id === claim.id ? focused.box : undefined}
            onFocus={() => {
              const box = revealClaim(claim);
              setFocused(box ? { id: claim.id, box: besideSpan(box) } : null);
              onFocusClaim(claim);
            }}
            onBlur={() => {
              setFocused(null);
              onFocusClaim(null);
            }}
            onClick={() => onOpenClaim(claim)}
          >
            {claimName(text, claim, index + 1, claims.length)}
          </button>
        </li>
      ))}
    </ol>
  );
}

// Below the span's first line, or above it where the viewport ends too soon.
function besideSpan(box: DOMRect): CSSProperties {
  const left = Math.max(4, box.left);
  return box.bottom + 48 < window.innerHeight ? { top: box.bottom + 4, left } : { bottom: window.innerHeight - box.top + 4, left };
}
