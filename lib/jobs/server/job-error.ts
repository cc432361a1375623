import "server-only";
import { AppError, type ErrorCode, ERROR_STATUS } from "@/lib/http/errors";
import type { Job } from "@/lib/jobs/job.schemas";

/** The error a job failed with, as the request that queued it would have answered it. */
export function jobError(job: Job, fallbackMessage: string): AppError {
  const recorded = (job.result?.error ?? null) as { code?: string; details?: unknown } | null;
  const code = recorded?.code && recorded.code in ERROR_STATUS ? (recorded.code as ErrorCode) : "fetch_failed";
  return new AppError(code, job.lastError ?? fallbackMessage, recorded?.details ? { details: recorded.details } : {});
}
