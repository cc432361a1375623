import "server-only";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/**
 * Called in the transaction of a job's final write: locks the job's row (an owner's cancel takes the
 * same lock) and refuses when the job was cancelled meanwhile, so a cancelled job creates nothing.
 * A running attempt is not interrupted by a cancel; this is where its outcome is dropped.
 */
export async function assertJobNotCancelled(tx: DbTransaction, jobId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM "Job" WHERE id = ${jobId} FOR UPDATE`;
  if (rows[0]?.state === "cancelled" || rows.length === 0) {
    throw new AppError("conflict", "This job was cancelled before it finished; nothing was saved.");
  }
}
