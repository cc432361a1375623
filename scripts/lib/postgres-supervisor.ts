import type { RunningPostgres } from "./embedded-postgres";

export type SupervisorState = "running" | "restarting" | "stopped";

type SuperviseOptions = {
  log?: (line: string) => void;
  pollIntervalMs?: number;
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
};

export type PostgresSupervisor = { state: () => SupervisorState; restarts: () => number; stop: () => Promise<void> };

/**
 * Watches an embedded PostgreSQL and starts it again whenever its postmaster is gone, waiting
 * longer after each failed attempt: the backends of a killed postmaster hold its shared memory for
 * a moment, so the first attempts may be refused.
 */
export function supervisePostgres(postgres: RunningPostgres, options: SuperviseOptions = {}): PostgresSupervisor {
  const log = options.log ?? ((line: string) => console.log(line));
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const firstRetryDelayMs = options.firstRetryDelayMs ?? 500;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  let state: SupervisorState = "running";
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;
  let isChecking = false;

  const schedule = (delayMs: number, task: () => Promise<void>) => {
    if (state === "stopped") return;
    timer = setTimeout(() => void task(), delayMs);
  };

  const restart = async (attempt: number, reason: string): Promise<void> => {
    if (state === "stopped") return;
    const delayMs = Math.min(firstRetryDelayMs * 2 ** (attempt - 1), maxRetryDelayMs);
    try {
      await postgres.restart();
    } catch (error) {
      const why = error instanceof Error ? error.message.split("\n").slice(-2).join(" ") : String(error);
      log(`PostgreSQL restart ${attempt} failed (${why}); next attempt in ${delayMs / 1000} s.`);
      schedule(delayMs, () => restart(attempt + 1, reason));
      return;
    }
    restarts += 1;
    state = "running";
    log(`PostgreSQL is running again on port ${postgres.port} (restarted after: ${reason}).`);
    schedule(pollIntervalMs, check);
  };

  const check = async (): Promise<void> => {
    if (isChecking || state !== "running") return;
    isChecking = true;
    try {
      if (await postgres.isRunning()) {
        schedule(pollIntervalMs, check);
        return;
      }
    } finally {
      isChecking = false;
    }
    if (state !== "running") return;
    state = "restarting";
    const reason = "its postmaster process exited";
    log(`PostgreSQL stopped unexpectedly (${reason}); restarting.`);
    await restart(1, reason);
  };

  schedule(pollIntervalMs, check);
  return {
    state: () => state,
    restarts: () => restarts,
    stop: async () => {
      state = "stopped";
      if (timer) clearTimeout(timer);
      await postgres.stop();
    },
  };
}
