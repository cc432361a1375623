import "server-only";
import { NextRequest } from "next/server";
import { consumeSignInAttempt } from "@/lib/auth/server/sign-in-rate-limit";
import { clientAddress, requestOrigin } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/http/define-route";
import { AppError } from "@/lib/http/errors";
import { jsonResponse } from "@/lib/http/json-response";
import { readLimitedBody } from "@/lib/http/read-limited-body";

/** Sign-in, sign-out and CSRF forms are a few hundred bytes; next-auth itself would read any body whole. */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

// Fields next-auth reads one value of: a second copy could make the checked value differ from the counted one.
const SINGLE_VALUE_FIELDS = ["email", "password", "csrfToken", "callbackUrl"] as const;

/**
 * What every POST to next-auth passes before next-auth sees it: the body is read within
 * AUTH_BODY_LIMIT_BYTES (413 in the error shape otherwise), and credential sign-ins count against
 * the per-email and per-address limits (429); a field sent twice is refused (400). Returns the request to hand on, with the body it read.
 */
export async function guardAuthPost(request: NextRequest, action: string): Promise<NextRequest | Response> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readLimitedBody(request, AUTH_BODY_LIMIT_BYTES, "The sign-in request is too large; reload the page and try again.");
  } catch (error) {
    return errorResponse(error);
  }

  const isForm = request.headers.get("content-type")?.includes("application/x-www-form-urlencoded") ?? false;
  const form = isForm ? new URLSearchParams(new TextDecoder().decode(body)) : new URLSearchParams();
  const repeated = SINGLE_VALUE_FIELDS.filter((name) => form.getAll(name).length > 1);
  if (repeated.length > 0) {
    const message = `Send each of these fields once: ${repeated.join(", ")}.`;
    return errorResponse(
      new AppError("validation_failed", message, { details: repeated.map((name) => ({ path: ["body", name], message: "Sent more than once" })) }),
    );
  }

  if (action === "callback/credentials") {
    const email = form.get("email") ?? "";
    const limited = await consumeSignInAttempt(email, clientAddress(request));
    if (limited) {
      const minutes = Math.ceil(limited.retryAfterSeconds / 60);
      const message = `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
      // `url` lets next-auth's client report the error instead of failing to parse the answer.
      return jsonResponse(
        { error: { code: "rate_limited", message }, url: new URL(`/signin?error=RateLimited&retryAfter=${limited.retryAfterSeconds}`, requestOrigin(request)).toString() },
        { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } },
      );
    }
  }
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: body.byteLength > 0 ? body : undefined });
}
