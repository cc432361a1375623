import { describe, expect, it } from "vitest";
import { createUserRecord } from "@/lib/fixtures/factories";
import { callNextAuth, CookieJar, csrfToken, SESSION_COOKIE, signInWithPassword, signOut } from "@/scripts/test/auth-flow";
import { db } from "@/scripts/test/desk";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

const WRONG = "not-the-password-at-all";

async function postCredentials(jar: CookieJar, fields: [string, string][]) {
  return callNextAuth(jar, "POST", "callback/credentials", { form: new URLSearchParams(fields) });
}

async function failTenTimes(email: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    expect((await signInWithPassword(new CookieJar(), email, WRONG)).status).toBe(401);
  }
}

describe("credentials sign-in", () => {
  it("signs in with the right password, setting a session cookie", async () => {
    const user = await createUserRecord(db);
    const jar = new CookieJar();
    expect((await signInWithPassword(jar, user.email, user.password)).status).toBe(200);
    expect(jar.get(SESSION_COOKIE)).toBeTruthy();
  });

  it("refuses a form with a decoy email before the real one (400), so a locked account stays locked", async () => {
    const victim = await createUserRecord(db);
    await failTenTimes(victim.email);
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const response = await postCredentials(jar, [
      ["csrfToken", token],
      ["email", `decoy-${victim.id}@example.test`],
      ["email", victim.email],
      ["password", victim.password],
      ["json", "true"],
    ]);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", message: expect.stringContaining("email"), details: [{ path: ["body", "email"] }] },
    });
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    // The victim's own limit still holds.
    expect((await signInWithPassword(new CookieJar(), victim.email, victim.password)).status).toBe(429);
  });

  it.each(["password", "csrfToken"])("refuses a repeated %s with 400", async (field) => {
    const user = await createUserRecord(db);
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const fields: [string, string][] = [
      ["csrfToken", token],
      ["email", user.email],
      ["password", user.password],
      ["json", "true"],
    ];
    fields.push(field === "password" ? ["password", WRONG] : ["csrfToken", token]);
    const response = await postCredentials(jar, fields);
    expect(response.status).toBe(400);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  it("counts attempts on the email as sign-in checks it, whatever its case or surrounding spaces", async () => {
    const user = await createUserRecord(db);
    for (let attempt = 0; attempt < 10; attempt++) {
      const spelling = attempt % 2 === 0 ? `  ${user.email.toUpperCase()} ` : `\t${user.email}`;
      expect((await signInWithPassword(new CookieJar(), spelling, WRONG)).status).toBe(401);
    }
    const response = await signInWithPassword(new CookieJar(), user.email, user.password);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    // The sign-in page reads the wait from the answer's URL and names it.
    const { url } = (await response.json()) as { url: string };
    const minutes = Math.ceil(Number(response.headers.get("retry-after")) / 60);
    expect(signInErrorMessage("RateLimited", url)).toBe(`Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`);
  });
});

describe("next-auth's routes past the guard", () => {
  it("refuses an action with extra path segments (404), so a sign-in cannot slip past the per-email limit", async () => {
    const victim = await createUserRecord(db);
    await failTenTimes(victim.email);
    const jar = new CookieJar();
    const form = new URLSearchParams({ csrfToken: await csrfToken(jar), email: victim.email, password: victim.password, json: "true" });
    const sideDoor = await callNextAuth(jar, "POST", "callback/credentials/x", { form });
    expect(sideDoor.status).toBe(404);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect((await callNextAuth(jar, "GET", "csrf/x/y")).status).toBe(404);
  });

  it("answers /api/auth/session with no session once that session signed out, for a kept copy of its cookie", async () => {
    const user = await createUserRecord(db);
    const jar = new CookieJar();
    expect((await signInWithPassword(jar, user.email, user.password)).status).toBe(200);
    const copy = new CookieJar();
    copy.set(SESSION_COOKIE, jar.get(SESSION_COOKIE) ?? "");
    expect(await (await callNextAuth(copy, "GET", "session")).json()).toMatchObject({ user: { email: user.email } });
    await signOut(jar);
    const after = await callNextAuth(copy, "GET", "session");
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({});
    expect(after.headers.getSetCookie()).toEqual([]);
  });
});

describe("next-auth's callbackUrl", () => {
  it.each(["/\t/evil.example", "/\r\n/evil.example", "/。evil.example", "https://evil.example/"])(
    "keeps %j on this site, never a 500",
    async (callbackUrl) => {
      const jar = new CookieJar();
      const response = await callNextAuth(jar, "GET", `signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(response.status).toBe(302);
      const remembered = decodeURIComponent(jar.get("next-auth.callback-url") ?? "");
      expect(new URL(remembered).origin).toBe("http://localhost:3000");
      expect(new URL(remembered).hostname).not.toContain("evil");
    },
  );
});
