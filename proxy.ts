import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { isWithdrawnFactCheckPath } from "@/lib/publishing/server/withdrawn-fact-check";
import { factCheckSlugOfPath } from "@/lib/publishing/slug";

const SIGN_IN_REQUIRED = [/^\/workspaces(\/|$)/, /^\/w\//, /^\/settings(\/|$)/, /^\/notifications(\/|$)/];
// Readable by anyone, signed in or not: published fact-checks, passage reports and feeds. Never listed above.
const PUBLIC = [/^\/fact-checks(\/|$)/];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Four jobs: a per-request CSP nonce for pages, sending visitors without a session cookie to
// sign-in, answering 410 for a withdrawn fact-check, and answering an address Next.js cannot decode or PostgreSQL could not store. Whether a user may see something is
// decided in the use cases, never here.
export function proxy(request: NextRequest): Response | Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const unreadable = unreadableAddress(pathname, search);
  if (unreadable) return unreadable;
  if (pathname.startsWith("/api/")) return NextResponse.next();
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

// Next.js decodes path segments before routing and answers one that is not UTF-8 (%ED%A0%80, an
// unpaired surrogate) with a plain-text 500 before any route or page runs; a NUL (%00) in a page's id
// or query would reach PostgreSQL, which refuses it. The API answers 400 in its shape, pages in words.
function unreadableAddress(pathname: string, search: string): Response | null {
  const message = readableAddressProblem(pathname, search);
  if (!message) return null;
  if (pathname.startsWith("/api/")) {
    const error = new AppError("validation_failed", message, { details: [{ path: ["path"], message }] });
    return Response.json(error.toBody(), { status: error.status });
  }
  return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function readableAddressProblem(pathname: string, search: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "The path is not valid percent-encoded UTF-8; encode ids with encodeURIComponent.";
  }
  // The API's schemas name a NUL in a path id or query parameter themselves; pages have no such schema.
  if (pathname.startsWith("/api/")) return null;
  return decoded.includes("\u0000") || safeDecode(search).includes("\u0000") ? "The address holds a NUL character (%00); remove it." : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }, { source: "/api/v1/:path*" }, { source: "/api/auth/:path*" }],
};
