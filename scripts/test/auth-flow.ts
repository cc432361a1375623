import { NextRequest } from "next/server";
import { GET as nextAuthGet, POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";

const ORIGIN = "http://localhost:3000";

/** The cookies a browser keeps for ClaimDesk, as next-auth's responses set and clear them. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  store(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const isExpired = value === "" || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (isExpired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** A request to next-auth's route (`/api/auth/<action>`) with the jar's cookies; new cookies go back into the jar. */
export async function callNextAuth(
  jar: CookieJar,
  method: "GET" | "POST",
  action: string,
  options: { form?: string | URLSearchParams; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(options.headers);
  const cookie = jar.header();
  if (cookie) headers.set("cookie", cookie);
  if (options.form !== undefined) headers.set("content-type", "application/x-www-form-urlencoded");
  if (method === "POST") headers.set("origin", ORIGIN);
  const request = new NextRequest(new URL(`/api/auth/${action}`, ORIGIN), { method, headers, body: options.form?.toString() });
  const context = { params: Promise.resolve({ nextauth: action.split("?")[0]!.split("/") }) };
  const response = await (method === "GET" ? nextAuthGet : nextAuthPost)(request, context);
  jar.store(response);
  return response;
}

/** next-auth's CSRF token, which every POST to it carries (the matching cookie goes into the jar). */
export async function csrfToken(jar: CookieJar): Promise<string> {
  const response = await callNextAuth(jar, "GET", "csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in as the browser's sign-in form does (`json: "true"` asks for the redirect as JSON). */
export async function signInWithPassword(jar: CookieJar, email: string, password: string): Promise<Response> {
  const form = new URLSearchParams({ csrfToken: await csrfToken(jar), email, password, json: "true" });
  return callNextAuth(jar, "POST", "callback/credentials", { form });
}

export async function signOut(jar: CookieJar): Promise<Response> {
  const form = new URLSearchParams({ csrfToken: await csrfToken(jar), json: "true" });
  return callNextAuth(jar, "POST", "signout", { form });
}

export const SESSION_COOKIE = "next-auth.session-token";
