import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/env";
import { EmailSchema } from "@/lib/users/user.schemas";

// Per app instance; enough to stop password guessing against one account or from one address.
const WINDOW_SECONDS = 15 * 60;

export type SignInRateLimits = { perEmail: number; perAddress: number };

const configuredLimits = (): SignInRateLimits => ({ perEmail: serverEnv().SIGN_IN_LIMIT_PER_EMAIL, perAddress: serverEnv().SIGN_IN_LIMIT_PER_ADDRESS });

let limiters: ReturnType<typeof createLimiters> | undefined;

function createLimiters(limits: SignInRateLimits) {
  return {
    perEmail: new RateLimiterMemory({ keyPrefix: "sign-in-email", points: limits.perEmail, duration: WINDOW_SECONDS }),
    perAddress: new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: limits.perAddress, duration: WINDOW_SECONDS }),
  };
}

/** For tests: other limits, with every count reset; without an argument, the configured ones again. */
export function configureSignInRateLimits(limits: Partial<SignInRateLimits> = {}): void {
  limiters = createLimiters({ ...configuredLimits(), ...limits });
}

/**
 * Counts a sign-in attempt; returns the seconds to wait when the email or the address is over its
 * limit. `address` comes from clientAddress(), never from a header as sent.
 */
export async function consumeSignInAttempt(email: string, address: string): Promise<{ retryAfterSeconds: number } | null> {
  try {
    limiters ??= createLimiters(configuredLimits());
    const { perEmail, perAddress } = limiters;
    await Promise.all([perEmail.consume(signInLimitKey(email)), perAddress.consume(address)]);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

// The email exactly as sign-in checks it (the same schema), so spellings of one address share a count.
function signInLimitKey(email: string): string {
  const parsed = EmailSchema.safeParse(email);
  return parsed.success ? parsed.data : "(not an email)";
}
