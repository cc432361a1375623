import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { runNextAuth } from "@/lib/auth/server/next-auth-handler";
import { resolveSessionActor } from "@/lib/auth/server/resolve-session-actor";
import { clientIp, consumeSignInAttempt } from "@/lib/auth/server/sign-in-rate-limit";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Fields next-auth reads one value of: a second copy could make the checked value differ from the counted one.
const SINGLE_VALUE_FIELDS = ["email", "password", "csrfToken", "callbackUrl"] as const;

export async function GET(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  return runNextAuth(request, nextauth, undefined, await requestOptions(request, nextauth));
}

export async function POST(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  const form = await readForm(request);
  const repeated = SINGLE_VALUE_FIELDS.filter((name) => form.getAll(name).length > 1);
  if (repeated.length > 0) {
    return Response.json(
      {
        error: {
          code: "validation_failed",
          message: `Send each of these fields once: ${repeated.join(", ")}.`,
          details: repeated.map((name) => ({ path: ["body", name], message: "Sent more than once" })),
        },
      },
      { status: 400 },
    );
  }
  if (nextauth.join("/") === "callback/credentials") {
    const limited = await consumeSignInAttempt(form.get("email") ?? "", clientIp(request.headers));
    if (limited) {
      const minutes = Math.ceil(limited.retryAfterSeconds / 60);
      const message = `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
      // `url` lets next-auth's client report the error instead of failing to parse the answer.
      return Response.json(
        { error: { code: "rate_limited", message }, url: new URL("/signin?error=RateLimited", request.url).toString() },
        { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } },
      );
    }
  }
  return runNextAuth(request, nextauth, Object.fromEntries(form), await requestOptions(request, nextauth));
}

// next-auth's client posts forms; the body is read once here and handed to next-auth as fields.
async function readForm(request: NextRequest): Promise<URLSearchParams> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/x-www-form-urlencoded")) return new URLSearchParams(await request.text());
  return new URLSearchParams();
}

async function requestOptions(request: NextRequest, nextauth: string[]) {
  // A provider's callback in a browser that is already signed in links that provider to the user.
  const isProviderCallback = nextauth[0] === "callback" && nextauth[1] !== "credentials";
  const signedIn = isProviderCallback ? await resolveSessionActor(request) : null;
  return authOptions({ userAgent: request.headers.get("user-agent"), signedInUserId: signedIn?.userId ?? null });
}
