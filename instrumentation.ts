import { isNextServer } from "@/lib/env";

/**
 * Runs once when the Next.js server starts. The web process queues jobs inside the transactions of
 * the changes they follow (webhook deliveries, evidence captures: enqueue-jobs-in-transaction.ts);
 * starting the job queue here keeps its first start (schema check, queues) out of those transactions.
 * A database that is not up yet only delays it: the first job queued starts it then.
 */
export async function register(): Promise<void> {
  if (!isNextServer()) return;
  const { queueBoss } = await import("@/lib/jobs/server/job-kinds");
  await queueBoss().catch((error: unknown) => console.error("The job queue did not start yet:", error instanceof Error ? error.message : error));
}
