import { DAY_MS } from "@/lib/time-units";

/** How long after deletion an editor can restore a passage or claim (the workspace's Deleted page lists them). */
export const RESTORE_WINDOW_DAYS = 30;

/** The last moment a passage or claim deleted at `deletedAt` can be restored. */
export function restorableUntil(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + RESTORE_WINDOW_DAYS * DAY_MS);
}

/** The oldest deletion still restorable at `now`. */
export function restoreWindowStart(now: Date): Date {
  return new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
}
