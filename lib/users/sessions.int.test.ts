import { describe, expect, it } from "vitest";
import { PUT as changePasswordRoute } from "@/app/api/v1/me/password/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { DELETE as revokeSessionsRoute } from "@/app/api/v1/me/sessions/route";
import { resolveSessionActor } from "@/lib/auth/server/resolve-session-actor";
import { createApiTokenRecord, createUserRecord } from "@/lib/fixtures/factories";
import { CookieJar, SESSION_COOKIE, signInWithPassword, signOut } from "@/scripts/test/auth-flow";
import { db, recordQueries } from "@/scripts/test/desk";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

const me = (cookie: string) => callRoute(meRoute, "GET", "/api/v1/me", { headers: { cookie } });

async function signedInBrowser(user: { email: string; password: string }) {
  const jar = new CookieJar();
  const response = await signInWithPassword(jar, user.email, user.password);
  expect(response.status).toBe(200);
  expect(jar.get(SESSION_COOKIE)).toBeTruthy();
  return jar;
}

describe("sessions end on the server", () => {
  it("a signed-out cookie gets 401 on /api/v1/me, though its JWT has not expired", async () => {
    const user = await createUserRecord(db);
    const jar = await signedInBrowser(user);
    const cookie = jar.header();
    expect((await me(cookie)).status).toBe(200);

    const response = await signOut(jar);
    expect(response.status).toBe(200);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();

    const replayed = await me(cookie);
    expect(replayed.status).toBe(401);
    expect(replayed.body).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("a session past its absolute lifetime gets 401", async () => {
    const user = await createUserRecord(db);
    const jar = await signedInBrowser(user);
    await db.userSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(jar.header())).status).toBe(401);
  });

  it("checks the session row in one query by its id, which also brings the user's current name", async () => {
    const user = await createUserRecord(db);
    const cookie = await sessionCookie(user);
    await db.user.update({ where: { id: user.id }, data: { name: "Renamed Person" } });
    const { result, queries } = await recordQueries(() =>
      resolveSessionActor({ cookies: new Map([["next-auth.session-token", cookie.split("=")[1]!]]) as never, headers: new Headers() }),
    );
    expect(result).toMatchObject({ userId: user.id, name: "Renamed Person", via: "session" });
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/"UserSession"/);
  });
});

describe("DELETE /api/v1/me/sessions (sign out everywhere)", () => {
  it("ends every session of the caller, the calling one included, and no one else's", async () => {
    const user = await createUserRecord(db);
    const other = await createUserRecord(db);
    const browser = await signedInBrowser(user);
    const laptop = await sessionCookie(user);
    const phone = await sessionCookie(user);
    const othersCookie = await sessionCookie(other);

    const response = await callRoute(revokeSessionsRoute, "DELETE", "/api/v1/me/sessions", { headers: { cookie: laptop } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revokedSessions: 3 });
    for (const cookie of [browser.header(), laptop, phone]) expect((await me(cookie)).status).toBe(401);
    expect((await me(othersCookie)).status).toBe(200);
  });

  it("needs a session or token", async () => {
    expect((await callRoute(revokeSessionsRoute, "DELETE", "/api/v1/me/sessions")).status).toBe(401);
  });
});

describe("PUT /api/v1/me/password", () => {
  const change = (cookie: string, body: unknown) => callRoute(changePasswordRoute, "PUT", "/api/v1/me/password", { headers: { cookie }, body });

  it("sets the new password and ends the caller's other sessions, keeping the current one", async () => {
    const user = await createUserRecord(db);
    const current = await signedInBrowser(user);
    const other = await signedInBrowser(user);
    const newPassword = "plum orchard lantern 42";

    const response = await change(current.header(), { currentPassword: user.password, newPassword });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revokedSessions: 1 });
    expect((await me(current.header())).status).toBe(200);
    expect((await me(other.header())).status).toBe(401);

    expect((await signInWithPassword(new CookieJar(), user.email, user.password)).status).toBe(401);
    expect((await signInWithPassword(new CookieJar(), user.email, newPassword)).status).toBe(200);
  });

  it("refuses a wrong current password with 400 on that field, changing nothing", async () => {
    const user = await createUserRecord(db);
    const cookie = await sessionCookie(user);
    const other = await sessionCookie(user);
    const response = await change(cookie, { currentPassword: "not my password at all", newPassword: "plum orchard lantern 42" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", details: [{ path: ["body", "currentPassword"] }] } });
    expect((await me(other)).status).toBe(200);
  });

  it("refuses a guessable new password and says why", async () => {
    const user = await createUserRecord(db);
    const cookie = await sessionCookie(user);
    const response = await change(cookie, { currentPassword: user.password, newPassword: "password1234" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: ["body", "newPassword"], message: expect.stringContaining("commonly used password") }] },
    });
  });
});

describe("an API token and the account's sessions", () => {
  it("cannot sign its owner out everywhere or change the password (403), and the sessions stay", async () => {
    const user = await createUserRecord(db);
    const browser = await sessionCookie(user);
    const token = await createApiTokenRecord(db, { userId: user.id });
    const bearer = { authorization: `Bearer ${token.secret}` };
    const revoke = await callRoute(revokeSessionsRoute, "DELETE", "/api/v1/me/sessions", { headers: bearer });
    expect(revoke.status).toBe(403);
    expect(revoke.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("Sign in") } });
    const change = await callRoute(changePasswordRoute, "PUT", "/api/v1/me/password", {
      headers: bearer,
      body: { currentPassword: user.password, newPassword: "Quartz-meadow-lantern-71" },
    });
    expect(change.status).toBe(403);
    expect((await me(browser)).status).toBe(200);
  });
});
