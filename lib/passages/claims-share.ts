/**
 * How much of the passage desk's right-hand panel the claims list takes, in percent: the
 * splitter's range, and its position as this browser remembers it between visits.
 */
// The claims list keeps at least a quarter of the panel, the open claim at least a quarter too.
export const CLAIMS_SHARE_MIN = 25;
export const CLAIMS_SHARE_MAX = 75;
export const CLAIMS_SHARE_DEFAULT = 50;

/** One position per browser, for every passage and person: it follows the screen, not the work. */
export const CLAIMS_SHARE_STORAGE_KEY = "claimdesk-desk:v1:claims-share";

export function clampClaimsShare(value: number): number {
  return Math.round(Math.min(CLAIMS_SHARE_MAX, Math.max(CLAIMS_SHARE_MIN, value)));
}

/** The stored position, within the allowed range; the default for nothing or anything unreadable. */
export function parseStoredClaimsShare(stored: string | null): number {
  if (stored === null || stored.trim() === "") return CLAIMS_SHARE_DEFAULT;
  const value = Number(stored);
  return Number.isFinite(value) ? clampClaimsShare(value) : CLAIMS_SHARE_DEFAULT;
}
