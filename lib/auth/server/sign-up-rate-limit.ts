import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/http/errors";

// Per app instance: anonymous account creation from one address, so a script cannot fill the
// database with accounts. Counted before the email is checked, so probing for taken emails counts too.
const WINDOW_SECONDS = 60 * 60;

let limiter: RateLimiterMemory | undefined;

function signUpLimiter(): RateLimiterMemory {
  limiter ??= new RateLimiterMemory({ keyPrefix: "sign-up-ip", points: serverEnv().SIGN_UP_LIMIT_PER_HOUR, duration: WINDOW_SECONDS });
  return limiter;
}

/** For tests: another limit per hour, with every count reset; without an argument, the setting again. */
export function configureSignUpRateLimit(perHour?: number): void {
  limiter = perHour === undefined ? undefined : new RateLimiterMemory({ keyPrefix: "sign-up-ip", points: perHour, duration: WINDOW_SECONDS });
}

/** Counts an anonymous sign-up from the request's address; 429 with Retry-After when over the limit. */
export async function consumeSignUpAllowance(request: Request): Promise<void> {
  try {
    await signUpLimiter().consume(clientAddress(request));
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new AppError(
      "rate_limited",
      `Too many accounts were created from your network address. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or ask your administrator to create the account.`,
      { details: { retryAfterSeconds }, headers: { "Retry-After": String(retryAfterSeconds) } },
    );
  }
}
