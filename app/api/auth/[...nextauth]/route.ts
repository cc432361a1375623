import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { guardAuthPost } from "@/lib/auth/server/guard-auth-post";
import { runNextAuth } from "@/lib/auth/server/next-auth-handler";
import { resolveSessionActor } from "@/lib/auth/server/resolve-session-actor";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  return runNextAuth(request, nextauth, undefined, await requestOptions(request, nextauth));
}

export async function POST(request: NextRequest, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
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
