import "server-only";
import type { RetryPolicy } from "@/lib/jobs/server/job-kind";
import { SafeFetchError } from "@/lib/fetching/safe-fetch";

/**
 * How a job that fetches a web page (URL import, evidence capture) is retried: three attempts, 15 s
 * then 30 s apart. Only failures that may pass are worth waiting for (see isPassingFetchFailure).
 */
export const FETCH_RETRY_POLICY: RetryPolicy = { limit: 2, delaySeconds: 15, backoff: true };

/** A page answer that may pass: a server error, a timeout (408) or a rate limit (429). A 404 will not come back by retrying. */
export function isPassingHttpStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * A safeFetch failure that may pass (a timeout, a refused or dropped connection, a name server that
 * did not answer); a refusal, a name that does not exist, a size, a type or a redirect loop will not change.
 */
export function isPassingFetchFailure(error: unknown): boolean {
  return error instanceof SafeFetchError && (error.reason === "timeout" || error.reason === "connection" || error.reason === "dns_unavailable");
}
