import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { createUserSession } from "@/lib/auth/server/user-sessions";
import { db } from "@/scripts/test/desk";

const ORIGIN = "http://localhost:3000";

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** A multipart/form-data body (file uploads); the request sets its own Content-Type with the boundary. */
  formData?: FormData;
  headers?: Record<string, string>;
  /** A signed-in user: the request carries a real next-auth session cookie for them. */
  as?: { id: string; email: string; name: string };
  /** Leave out the same-origin Origin header that browsers send. */
  isCrossSite?: boolean;
};

/** Calls a route handler the way Next.js does, through a real NextRequest. */
export async function callRoute(handler: RouteHandler, method: string, path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.body !== undefined || options.rawBody !== undefined) {
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  if (options.as) headers.set("cookie", await sessionCookie(options.as));
  if (!options.isCrossSite && method !== "GET") headers.set("origin", ORIGIN);
  const request = new NextRequest(new URL(path, ORIGIN), {
    method,
    headers,
    body: options.formData ?? options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A real next-auth session token for a new sign-in of `user`: a live session row and the JWT that names it. */
export async function sessionToken(user: { id: string; email: string; name: string }): Promise<string> {
  // Through the test's own client, so the insert is not counted by recordQueries.
  const session = await createUserSession({ userId: user.id }, db);
  return encode({
    token: { sub: user.id, email: user.email, name: user.name, sid: session.id },
    // eslint-disable-next-line no-restricted-syntax -- the secret int-setup.ts gave the app
    secret: process.env.NEXTAUTH_SECRET ?? "",
  });
}

/** A `Cookie` header for a new sign-in of `user`, as next-auth sets it. */
export async function sessionCookie(user: { id: string; email: string; name: string }): Promise<string> {
  return `next-auth.session-token=${await sessionToken(user)}`;
}
