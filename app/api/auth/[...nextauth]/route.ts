import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { clientIp, consumeSignInAttempt } from "@/lib/auth/server/sign-in-rate-limit";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: NextAuthContext) {
  return NextAuth(request, context, authOptions()) as Promise<Response>;
}

export const GET = handle;

export async function POST(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = typeof form?.get("email") === "string" ? String(form.get("email")) : "";
    const limited = await consumeSignInAttempt(email, clientIp(request.headers));
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
  return handle(request, context);
}
