import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "@/lib/env";
import { isWithdrawnFactCheckPath } from "@/lib/publishing/server/withdrawn-fact-check";
import { factCheckSlugOfPath } from "@/lib/publishing/slug";

const SIGN_IN_REQUIRED = [/^\/workspaces(\/|$)/, /^\/w\//, /^\/settings(\/|$)/, /^\/notifications(\/|$)/];
// Readable by anyone, signed in or not: published fact-checks, passage reports and feeds. Never listed above.
const PUBLIC = [/^\/fact-checks(\/|$)/];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Pages only, three jobs: a per-request CSP nonce, sending visitors without a session cookie to
// sign-in, and answering 410 for a withdrawn fact-check. Whether a user may see something is
// decided in the use cases, never here.
export function proxy(request: NextRequest): Response | Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC.some((pattern) => pattern.test(pathname));
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSessionCookie && SIGN_IN_REQUIRED.some((pattern) => pattern.test(pathname))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  // A withdrawn fact-check's page says so and when, with 410 Gone: never a silent 404, never a live page.
  if (isPublic && factCheckSlugOfPath(pathname)) return isWithdrawnFactCheckPath(pathname).then((isWithdrawn) => pageResponse(request, isWithdrawn ? 410 : 200));
  return pageResponse(request, 200);
}

function pageResponse(request: NextRequest, status: number): Response {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment() ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes position virtualized rows; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders }, status });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: an address Next.js cannot decode is answered by the web server in front of it
  // (scripts/lib/web-server.ts), for the API too, which thereby skips a middleware pass per request.
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }],
};
