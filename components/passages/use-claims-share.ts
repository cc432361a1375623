"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import { CLAIMS_SHARE_DEFAULT, CLAIMS_SHARE_STORAGE_KEY, clampClaimsShare, parseStoredClaimsShare } from "@/lib/passages/claims-share";

function readStored(): number {
  try {
    return parseStoredClaimsShare(window.localStorage.getItem(CLAIMS_SHARE_STORAGE_KEY));
  } catch {
    // Storage can be switched off: the splitter then starts where it always did.
    return CLAIMS_SHARE_DEFAULT;
  }
}

const noSubscription = () => () => {};

/**
 * The splitter's position: what this browser remembered from an earlier visit until it is moved,
 * then the new position, remembered in turn. The server renders the default; the stored position
 * replaces it right after hydration.
 */
export function useClaimsShare(): [number, (value: number) => void] {
  const stored = useSyncExternalStore(noSubscription, readStored, () => CLAIMS_SHARE_DEFAULT);
  const [moved, setMoved] = useState<number | null>(null);
  const change = useCallback((value: number) => {
    const next = clampClaimsShare(value);
    setMoved(next);
    try {
      window.localStorage.setItem(CLAIMS_SHARE_STORAGE_KEY, String(next));
    } catch {
      // Not remembered, but still moved for this visit.
    }
  }, []);
  return [moved ?? stored, change];
}
