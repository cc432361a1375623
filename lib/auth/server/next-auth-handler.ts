import "server-only";
import NextAuth, { type NextAuthOptions } from "next-auth";
import type { NextApiRequest, NextApiResponse } from "next";
import type { NextRequest } from "next/server";

/**
 * Runs next-auth on this request's own cookies, headers and (already read) form fields. next-auth's
 * App Router entry reads them through next/headers instead, which only exists inside Next's request
 * scope and would make the sign-in flow untestable; its API-route entry takes them as arguments.
 */
export async function runNextAuth(
  request: NextRequest,
  action: string[],
  fields: Record<string, string> | undefined,
  options: NextAuthOptions,
): Promise<Response> {
  const response = new CollectedResponse();
  const req = {
    method: request.method,
    query: { ...Object.fromEntries(request.nextUrl.searchParams), nextauth: action },
    body: fields,
    cookies: Object.fromEntries(request.cookies.getAll().map((cookie) => [cookie.name, cookie.value])),
    headers: Object.fromEntries(request.headers),
  };
  await NextAuth(req as unknown as NextApiRequest, response as unknown as NextApiResponse, options);
  return response.toResponse();
}

/**
 * next-auth puts the `error` a request names into its redirect as it came (`/signin?error=…`); a
 * NUL, a line break or a character past Latin-1 there cannot be a header value, so they are
 * percent-encoded (an unpaired surrogate as U+FFFD first) rather than failing the request.
 */
function headerSafeLocation(location: string): string {
  return location.replace(/\p{Cs}/gu, "\uFFFD").replace(/[^\x21-\x7e]/gu, (character) => encodeURIComponent(character));
}

// The part of NextApiResponse that next-auth's API-route handler uses.
class CollectedResponse {
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  getHeader(name: string): string[] | string | undefined {
    if (name.toLowerCase() === "set-cookie") return this.headers.getSetCookie();
    return this.headers.get(name) ?? undefined;
  }

  setHeader(name: string, value: string | string[]): this {
    this.headers.delete(name);
    for (const item of Array.isArray(value) ? value : [value]) this.headers.append(name, name.toLowerCase() === "location" ? headerSafeLocation(item) : item);
    return this;
  }

  json(value: unknown): void {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(value);
  }

  send(value: unknown): void {
    this.body = value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value);
  }

  end(): void {}

  toResponse(): Response {
    return new Response(this.body, { status: this.statusCode, headers: this.headers });
  }
}
