import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { EmailSchema } from "@/lib/users/user.schemas";

// Per app instance; enough to stop password guessing against one account or from one address.
const WINDOW_SECONDS = 15 * 60;
const perEmail = new RateLimiterMemory({ keyPrefix: "sign-in-email", points: 10, duration: WINDOW_SECONDS });
const perIp = new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: 50, duration: WINDOW_SECONDS });

/** Counts a sign-in attempt; returns the seconds to wait when the email or the address is over its limit. */
export async function consumeSignInAttempt(email: string, ip: string): Promise<{ retryAfterSeconds: number } | null> {
  try {
    await Promise.all([perEmail.consume(signInLimitKey(email)), perIp.consume(ip)]);
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

export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
