import "server-only";
import PgBoss from "pg-boss";
import { serverEnv } from "@/lib/env";
import type { AnyJobKind } from "@/lib/jobs/server/job-kind";

// pg-boss keeps its queue in its own schema (`pgboss`) of the app's database: no other server.
// One instance per process, created on first use; it opens at most JOB_POOL_SIZE connections.
export const JOB_SCHEMA = "pgboss";
const JOB_POOL_SIZE = 3;

type BossOptions = {
  connectionString?: string;
  /** Whether this instance runs maintenance (expiring, archiving, retrying stalled jobs) and schedules. */
  isWorker?: boolean;
};

const globalForBoss = globalThis as unknown as { claimdeskJobBoss?: Promise<PgBoss> };

/** A started pg-boss on the given database (default DATABASE_URL), its queues made for `kinds`. */
export async function createJobBoss(kinds: readonly AnyJobKind[], options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.connectionString ?? serverEnv().DATABASE_URL,
    schema: JOB_SCHEMA,
    max: JOB_POOL_SIZE,
    application_name: "claimdesk-jobs",
    supervise: options.isWorker ?? false,
    schedule: options.isWorker ?? false,
    migrate: true,
  });
  boss.on("error", (error) => console.error("Job queue error:", error.message));
  await boss.start();
  for (const kind of kinds) await ensureQueue(boss, kind);
  return boss;
}

async function ensureQueue(boss: PgBoss, kind: AnyJobKind): Promise<void> {
  const settings = {
    name: kind.name,
    retryLimit: kind.retry.limit,
    retryDelay: kind.retry.delaySeconds,
    retryBackoff: kind.retry.backoff,
    expireInSeconds: kind.expireInSeconds,
  };
  if (await boss.getQueue(kind.name)) {
    await boss.updateQueue(kind.name, settings);
    return;
  }
  try {
    await boss.createQueue(kind.name, settings);
  } catch (error) {
    // Another process made it first.
    if (!(await boss.getQueue(kind.name))) throw error;
  }
}

/** The process's pg-boss for queuing and managing jobs from requests. */
export function jobBoss(kinds: readonly AnyJobKind[]): Promise<PgBoss> {
  globalForBoss.claimdeskJobBoss ??= createJobBoss(kinds).catch((error: unknown) => {
    globalForBoss.claimdeskJobBoss = undefined;
    throw error;
  });
  return globalForBoss.claimdeskJobBoss;
}

/** Stops the process's pg-boss, if one was started (tests, shutdown). */
export async function stopJobBoss(): Promise<void> {
  const pending = globalForBoss.claimdeskJobBoss;
  globalForBoss.claimdeskJobBoss = undefined;
  if (pending) await (await pending).stop({ graceful: false, wait: true });
}
