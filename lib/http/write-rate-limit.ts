import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/http/errors";

// Per app instance, in memory: enough to stop a runaway script or a flood from one address.
// All of a user's tokens share one budget (their sessions another), so minting tokens buys no more writes.
const WINDOW_SECONDS = 60;

export type WriteRateLimits = { perActor: number; perIp: number };

export const DEFAULT_WRITE_RATE_LIMITS: WriteRateLimits = { perActor: 120, perIp: 300 };

let limiters = createLimiters(DEFAULT_WRITE_RATE_LIMITS);

function createLimiters(limits: WriteRateLimits) {
  return {
    perActor: new RateLimiterMemory({ keyPrefix: "write-actor", points: limits.perActor, duration: WINDOW_SECONDS }),
    perIp: new RateLimiterMemory({ keyPrefix: "write-ip", points: limits.perIp, duration: WINDOW_SECONDS }),
  };
}

/** For tests: other limits, with every count reset; without an argument, the defaults again. */
export function configureWriteRateLimits(limits: Partial<WriteRateLimits> = {}): void {
  limiters = createLimiters({ ...DEFAULT_WRITE_RATE_LIMITS, ...limits });
}

/** Counts a write (POST, PUT, PATCH, DELETE) against its caller and address; 429 with Retry-After when over. */
export async function consumeWriteAllowance(actor: Actor | null, request: Request): Promise<void> {
  try {
    await Promise.all([
      limiters.perIp.consume(clientAddress(request)),
      ...(actor ? [limiters.perActor.consume(`${actor.via}:${actor.userId}`)] : []),
    ]);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError(
      "rate_limited",
      `Too many changes in a short time. Wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}, then try again.`,
      { details: { retryAfterSeconds }, headers: { "Retry-After": String(retryAfterSeconds) } },
    );
  }
}
