import "server-only";
import type { z } from "zod";

/** How a kind of job is retried: pg-boss waits `delaySeconds` (doubling when `backoff`) between attempts. */
export type RetryPolicy = { limit: number; delaySeconds: number; backoff: boolean };

export type JobContext = {
  jobId: string;
  workspaceId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
};

/**
 * A kind of background job: its queue name, the payload it takes (checked when queued and again when
 * run), what one run does, and how it is retried. `handler` returns what the job made (stored as the
 * job's `result`, shown to the person who asked); an AppError with a 4xx status fails the job at once,
 * without retries (a refused URL will not become allowed by waiting); any other error is retried.
 */
export type JobKind<Payload> = {
  name: string;
  payload: z.ZodType<Payload>;
  /** What the job works on, in words, for the jobs page ("https://example.org/story"). */
  subject: (payload: Payload) => string;
  handler: (payload: Payload, context: JobContext) => Promise<Record<string, unknown>>;
  retry: RetryPolicy;
  /** A run that takes longer is failed by pg-boss (and retried). */
  expireInSeconds: number;
  /**
   * Records on what the job works on that a run ended without its handler finishing (it ran past
   * `expireInSeconds`, or its worker stopped), as the handler records its own failures: see
   * recordAbandonedJobs. `isFinal` when no attempt is left.
   */
  abandoned?: (payload: Payload, context: AbandonedJobContext) => Promise<void>;
};

export type AbandonedJobContext = { jobId: string; workspaceId: string; message: string; isFinal: boolean };

// Handlers take their payload contravariantly; the workers only need the shared shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any>;

const PERMANENT = Symbol("permanent job failure");

/** Marks an error so its job fails at once, whatever its status (a page that answered 404 will not come back by retrying). */
export function permanentFailure<E extends Error>(error: E): E {
  Object.defineProperty(error, PERMANENT, { value: true });
  return error;
}

export function isMarkedPermanent(error: unknown): boolean {
  return error instanceof Error && (error as Error & { [PERMANENT]?: boolean })[PERMANENT] === true;
}

export function defineJobKind<Payload>(kind: JobKind<Payload>): JobKind<Payload> {
  return kind;
}
