"use client";

import { useMemo, useState } from "react";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";

/**
 * Which loaded claims are selected, by id. A range (shift-click, Shift+x) runs from the last
 * toggled claim to this one and gives every claim in it the clicked claim's new state.
 */
export function useClaimSelection(rows: ClaimSummary[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const indexById = useMemo(() => new Map(rows.map((claim, index) => [claim.id, index])), [rows]);
  // Claims that left the list (a reload after a change, a deletion) are no longer selected.
  const selectedClaims = useMemo(() => rows.filter((claim) => selected.has(claim.id)), [rows, selected]);

  function toggle(index: number, isRange: boolean) {
    const claim = rows[index];
    if (!claim) return;
    const isOn = !selected.has(claim.id);
    const anchorIndex = anchorId === null ? undefined : indexById.get(anchorId);
    const next = new Set(selected);
    const [from, to] = isRange && anchorIndex !== undefined ? [Math.min(anchorIndex, index), Math.max(anchorIndex, index)] : [index, index];
    for (const row of rows.slice(from, to + 1)) {
      if (isOn) next.add(row.id);
      else next.delete(row.id);
    }
    setSelected(next);
    setAnchorId(claim.id);
  }

  const isAllSelected = rows.length > 0 && selectedClaims.length === rows.length;

  return {
    selectedClaims,
    isSelected: (claimId: string) => selected.has(claimId),
    isAllSelected,
    isSomeSelected: selectedClaims.length > 0 && !isAllSelected,
    toggle,
    toggleAll: () => setSelected(isAllSelected ? new Set() : new Set(rows.map((claim) => claim.id))),
    clear: () => {
      setSelected(new Set());
      setAnchorId(null);
    },
    /** After a bulk change: keep only these (the refused claims, to fix and retry). */
    keepOnly: (claimIds: string[]) => setSelected(new Set(claimIds)),
  };
}

export type ClaimSelection = ReturnType<typeof useClaimSelection>;
