/**
 * Runs once when the Next.js server starts. The web process queues jobs inside the transactions of
 * the changes they follow (webhook deliveries, evidence captures: enqueue-jobs-in-transaction.ts);
 * starting the job queue here keeps its first start (schema check, queues) out of those transactions.
 * A database that is not up yet only delays it: the first job queued starts it then.
 */
export async function register(): Promise<void> {
  // Spelled out rather than lib/env's isNextServer(): the bundler sees the condition and leaves the
  // job queue (and the database client under it) out of the Edge build of this file, which would
  // otherwise print a warning for each Node.js module it cannot load there.
  // eslint-disable-next-line no-restricted-syntax -- a build-time constant, not a setting
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { queueBoss } = await import("@/lib/jobs/server/job-kinds");
    await queueBoss().catch((error: unknown) => console.error("The job queue did not start yet:", error instanceof Error ? error.message : error));
  }
}
