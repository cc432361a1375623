import "server-only";
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/http/errors";

// Per app instance, in memory: enough to stop a runaway script or a flood from one address.
// All of a user's tokens share one budget (their sessions another), so minting tokens buys no more writes.
// Signed-in callers are counted per person only, so a desk behind one address is not throttled as one.

export type WriteRateLimits = {
  /** A person's sustained writes per second. */
  ratePerSecond: number;
  /** The most writes a person may send at once, spent from when the second's share runs out. */
  burst: number;
  /** Writes per minute from one address by callers who are not signed in. */
  perAddressPerMinute: number;
};

const configuredLimits = (): WriteRateLimits => ({
  ratePerSecond: serverEnv().WRITE_RATE_PER_SECOND,
  burst: serverEnv().WRITE_BURST,
  perAddressPerMinute: serverEnv().WRITE_LIMIT_PER_ADDRESS_PER_MINUTE,
});

let limiters: ReturnType<typeof createLimiters> | undefined;

/**
 * A token bucket from rate-limiter-flexible's parts (BurstyRateLimiter): `ratePerSecond` writes
 * every second and, past them, a pool of `burst - ratePerSecond` more, full again burst / rate
 * seconds after it was first drawn on. So a person sends `burst` writes at once and then keeps
 * `ratePerSecond` up for good; no one sustains more than twice the rate.
 */
function createLimiters(limits: WriteRateLimits) {
  const perSecond = new RateLimiterMemory({ keyPrefix: "write-actor", points: limits.ratePerSecond, duration: 1 });
  const burstPool = limits.burst - limits.ratePerSecond;
  return {
    perActor:
      burstPool > 0
        ? new BurstyRateLimiter(
            perSecond,
            new RateLimiterMemory({ keyPrefix: "write-actor-burst", points: burstPool, duration: Math.ceil(limits.burst / limits.ratePerSecond) }),
          )
        : perSecond,
    perAddress: new RateLimiterMemory({ keyPrefix: "write-address", points: limits.perAddressPerMinute, duration: 60 }),
  };
}

/** For tests: other limits, with every count reset; without an argument, the configured ones again. */
export function configureWriteRateLimits(limits: Partial<WriteRateLimits> = {}): void {
  limiters = createLimiters({ ...configuredLimits(), ...limits });
}

/**
 * Counts a write (POST, PUT, PATCH, DELETE), one per request whatever it changes: against the
 * signed-in caller's bucket, or against the address of a caller who is not signed in. 429 with
 * Retry-After when over.
 */
export async function consumeWriteAllowance(actor: Actor | null, request: Request): Promise<void> {
  limiters ??= createLimiters(configuredLimits());
  try {
    if (actor) await limiters.perActor.consume(`${actor.via}:${actor.userId}`);
    else await limiters.perAddress.consume(clientAddress(request));
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
