import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { guardAuthPost } from "@/lib/auth/server/guard-auth-post";
import { runNextAuth } from "@/lib/auth/server/next-auth-handler";
import { resolveSessionActor } from "@/lib/auth/server/resolve-session-actor";
import { errorResponse } from "@/lib/http/define-route";
import { AppError, notFound } from "@/lib/http/errors";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// next-auth's actions: `csrf`, `session`, `providers`, `signin/{provider}`, `callback/{provider}`, `signout`…
const MAX_ACTION_SEGMENTS = 2;

export async function GET(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.length > MAX_ACTION_SEGMENTS) return errorResponse(notFound("This sign-in page"));
  // next-auth throws on a GET of the password sign-in's callback: only the sign-in form's POST means anything there.
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return errorResponse(new AppError("method_not_allowed", "Sign in with the sign-in form: this address takes the form's POST.", { headers: { Allow: "POST" } }));
  }
  // next-auth reads only the JWT: a signed-out session's copied cookie would still be "signed in" here.
  if (nextauth[0] === "session" && (await resolveSessionActor(request)) === null) return Response.json({});
  return runNextAuth(request, nextauth, undefined, await requestOptions(request, nextauth));
}

export async function POST(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  // next-auth acts on the first two segments only; a third would carry a sign-in past the guard's limit.
  if (nextauth.length > MAX_ACTION_SEGMENTS) return errorResponse(notFound("This sign-in page"));
  const guarded = await guardAuthPost(request, nextauth.join("/"));
  if (guarded instanceof Response) return guarded;
  return runNextAuth(guarded, nextauth, Object.fromEntries(await readForm(guarded)), await requestOptions(guarded, nextauth));
}

// next-auth's client posts forms; guardAuthPost read the body within its limit, and next-auth gets the fields.
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
