import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as authGet } from "@/app/api/auth/[...nextauth]/route";

// next-auth's own routes answer odd requests with a 4xx or a redirect, never a 500.

const context = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
const get = (path: string, ...nextauth: string[]) => authGet(new NextRequest(new URL(path, "http://localhost:3000")), context(...nextauth));

describe("next-auth's routes with odd requests", () => {
  it("redirects an error page naming a NUL, a line break or an emoji to the sign-in page with it percent-encoded", async () => {
    for (const [sent, redirected] of [
      ["%00", "/signin?error=%00"],
      ["a%0D%0ASet-Cookie:%20x=1", "/signin?error=a%0D%0ASet-Cookie:%20x=1"],
      ["%F0%9F%98%80", "/signin?error=%F0%9F%98%80"],
      // A sign-in error goes through next-auth's own sign-in route, which sends it on to /signin.
      ["CredentialsSignin", "/api/auth/signin?error=CredentialsSignin"],
    ] as const) {
      const response = await get(`/api/auth/error?error=${sent}`, "error");
      expect(response.status, sent).toBe(302);
      const location = new URL(response.headers.get("location") ?? "", "http://localhost:3000");
      expect(location.pathname + location.search, sent).toBe(redirected);
      expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("x=")), sent).toBe(false);
    }
  });

  it("answers a GET of the password sign-in's callback with 405 naming POST", async () => {
    const response = await get("/api/auth/callback/credentials", "callback", "credentials");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: "Sign in with the sign-in form: this address takes the form's POST." } });
  });
});
