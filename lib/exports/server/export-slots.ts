import "server-only";
import { AppError } from "@/lib/http/errors";

// Each running export holds a worker thread (its own heap) and a PostgreSQL connection for as long
// as its download lasts, so their number is bounded per app instance and per user.
const USER_RETRY_AFTER_SECONDS = 10;
const INSTANCE_RETRY_AFTER_SECONDS = 5;

const runningByUser = new Map<string, number>();
let runningTotal = 0;

export type ExportSlot = { release: () => void };

/** Takes one of the instance's export slots for a user, or refuses: 429 over the user's share, 503 when all are taken. */
export function takeExportSlot(userId: string, limits: { maxConcurrent: number; maxPerUser: number }): ExportSlot {
  const usersRunning = runningByUser.get(userId) ?? 0;
  if (usersRunning >= limits.maxPerUser) {
    throw new AppError(
      "rate_limited",
      `You already have ${usersRunning} export${usersRunning === 1 ? "" : "s"} downloading, the most one person can run at once. Wait for one to finish (or cancel it), then try again.`,
      { details: { retryAfterSeconds: USER_RETRY_AFTER_SECONDS }, headers: { "Retry-After": String(USER_RETRY_AFTER_SECONDS) } },
    );
  }
  if (runningTotal >= limits.maxConcurrent) {
    throw new AppError("unavailable", "The server is busy with other exports right now. Try again in a few seconds.", {
      details: { retryAfterSeconds: INSTANCE_RETRY_AFTER_SECONDS },
      headers: { "Retry-After": String(INSTANCE_RETRY_AFTER_SECONDS) },
    });
  }
  runningByUser.set(userId, usersRunning + 1);
  runningTotal += 1;
  let isReleased = false;
  return {
    release() {
      if (isReleased) return;
      isReleased = true;
      runningTotal -= 1;
      const left = (runningByUser.get(userId) ?? 1) - 1;
      if (left === 0) runningByUser.delete(userId);
      else runningByUser.set(userId, left);
    },
  };
}
