import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[tokenId]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { hashApiToken } from "@/lib/auth/server/api-token-auth";
import { TOKEN_REVOKED_CHANNEL, tokenRevocationsListenerName } from "@/lib/auth/server/token-revocations";
import { createDbClient } from "@/lib/db";
import { configuredDatabaseUrl } from "@/lib/env";
import { createApiTokenRecord, createUserRecord } from "@/lib/fixtures/factories";
import { API_TOKEN_NAME_MAX_LENGTH, type ApiTokenList, type NewApiToken } from "@/lib/tokens/token.schemas";
import { callRoute } from "@/scripts/test/route-client";
import { recordQueries } from "@/scripts/test/desk";
import { DAY_MS } from "@/lib/time-units";

const db = createDbClient(configuredDatabaseUrl() ?? "");

type User = Awaited<ReturnType<typeof createUserRecord>>;

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const create = (as: User, body: unknown, headers?: Record<string, string>) =>
  callRoute(createToken, "POST", "/api/v1/tokens", { as, body, headers });
const list = async (as: User) => (await callRoute(listTokens, "GET", "/api/v1/tokens", { as })).body as ApiTokenList;
const revoke = (tokenId: string, options: { as?: User; headers?: Record<string, string> }) =>
  callRoute(revokeToken, "DELETE", `/api/v1/tokens/${tokenId}`, { ...options, params: { tokenId } });
const me = (secret: string) => callRoute(getMe, "GET", "/api/v1/me", { headers: bearer(secret) });
const tokenLookups = (queries: string[]) => queries.filter((query) => query.includes('"ApiToken"')).length;

describe("personal API tokens", () => {
  it("shows the secret once, stores only its SHA-256, and never lists it", async () => {
    const user = await createUserRecord(db);
    const response = await create(user, { name: "  Archive sync  " });
    expect(response.status).toBe(201);
    const created = response.body as NewApiToken;
    expect(created).toEqual({
      id: expect.any(String),
      name: "Archive sync",
      token: expect.stringMatching(/^cd_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      expiresAt: null,
    });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));

    const listed = await list(user);
    expect(listed).toEqual({
      items: [
        {
          id: created.id,
          name: "Archive sync",
          createdAt: created.createdAt,
          lastUsedAt: null,
          expiresAt: null,
          revokedAt: null,
          isActive: true,
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(3));
  });

  it("sets the expiry from expiresInDays", async () => {
    const user = await createUserRecord(db);
    const before = Date.now();
    const created = (await create(user, { name: "Month", expiresInDays: 30 })).body as NewApiToken;
    const expiresAt = new Date(created.expiresAt ?? "").getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
  });

  it("lists only the caller's tokens, newest first", async () => {
    const user = await createUserRecord(db);
    const stranger = await createUserRecord(db);
    await createApiTokenRecord(db, { userId: stranger.id, name: "Not mine" });
    for (const name of ["First", "Second", "Third"]) expect((await create(user, { name })).status).toBe(201);
    expect((await list(user)).items.map((token) => token.name)).toEqual(["Third", "Second", "First"]);
  });

  it("authenticates as its owner on GET /api/v1/me and records when it was last used", async () => {
    const user = await createUserRecord(db);
    const created = (await create(user, { name: "Script" })).body as NewApiToken;
    const response = await me(created.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, authenticatedVia: "token" });
    const [listed] = (await list(user)).items;
    expect(listed?.lastUsedAt).toEqual(expect.any(String));
  });

  it("answers 401 for a revoked token; revoking twice is still 204", async () => {
    const user = await createUserRecord(db);
    const created = (await create(user, { name: "Leaked" })).body as NewApiToken;
    expect((await me(created.token)).status).toBe(200);

    expect((await revoke(created.id, { as: user })).status).toBe(204);
    const refused = await me(created.token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: "unauthenticated", message: expect.stringContaining("revoked") } });
    const [listed] = (await list(user)).items;
    expect(listed).toMatchObject({ revokedAt: expect.any(String), isActive: false });

    expect((await revoke(created.id, { as: user })).status).toBe(204);
    expect((await list(user)).items[0]?.revokedAt).toBe(listed?.revokedAt);
  });

  it("refuses a token another app instance revoked from the request after the revocation commits, not when this one's lookup expires", async () => {
    const user = await createUserRecord(db);
    const { id, secret } = await createApiTokenRecord(db, { userId: user.id, name: "Leaked" });
    expect((await me(secret)).status).toBe(200);
    const reused = await recordQueries(() => me(secret));
    expect(reused.result.status).toBe(200);
    expect(tokenLookups(reused.queries)).toBe(0);

    // Another instance revokes it: the row and the NOTIFY commit together, and nothing in this process is called.
    await db.$transaction([
      db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } }),
      db.$executeRaw`SELECT pg_notify(${TOKEN_REVOKED_CHANNEL}, ${id}::text)`,
    ]);
    // The NOTIFY takes milliseconds; the lookup would be reused for API_TOKEN_CACHE_SECONDS (5).
    await expect.poll(async () => (await me(secret)).status, { timeout: 1_000, interval: 10 }).toBe(401);
  });

  it("reuses no token lookup while it cannot hear revocations, and again once it listens", async () => {
    const user = await createUserRecord(db);
    const { secret } = await createApiTokenRecord(db, { userId: user.id });
    expect((await me(secret)).status).toBe(200);
    expect(tokenLookups((await recordQueries(() => me(secret))).queries)).toBe(0);

    // Its listening connection is cut (PostgreSQL restarted, a network fault): what it kept is forgotten.
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${tokenRevocationsListenerName}`;
    await expect.poll(async () => tokenLookups((await recordQueries(() => me(secret))).queries), { timeout: 2_000, interval: 10 }).toBe(1);
    // That request listened again before it looked up, so the next one reuses its lookup.
    expect(tokenLookups((await recordQueries(() => me(secret))).queries)).toBe(0);
  });

  it("answers 401 for an expired token and lists it as inactive", async () => {
    const user = await createUserRecord(db);
    const expired = await createApiTokenRecord(db, { userId: user.id, name: "Old", expiresAt: new Date(Date.now() - 1000) });
    const response = await me(expired.secret);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: "unauthenticated" } });
    expect((await list(user)).items[0]).toMatchObject({ id: expired.id, revokedAt: null, isActive: false });
  });

  it("lets a token revoke its owner's tokens, and answers 404 alike for someone else's token and a missing one", async () => {
    const owner = await createUserRecord(db);
    const stranger = await createUserRecord(db);
    const ownerToken = await createApiTokenRecord(db, { userId: owner.id });
    const strangerToken = await createApiTokenRecord(db, { userId: stranger.id });

    const foreign = await revoke(strangerToken.id, { as: owner });
    const foreignByToken = await revoke(strangerToken.id, { headers: bearer(ownerToken.secret) });
    const missing = await revoke("does-not-exist", { as: owner });
    expect(foreign.status).toBe(404);
    expect(foreignByToken.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await me(strangerToken.secret)).status).toBe(200);

    expect((await revoke(ownerToken.id, { headers: bearer(ownerToken.secret) })).status).toBe(204);
    expect((await me(ownerToken.secret)).status).toBe(401);
  });

  it("refuses to let a token create tokens", async () => {
    const user = await createUserRecord(db);
    const token = await createApiTokenRecord(db, { userId: user.id });
    const response = await callRoute(createToken, "POST", "/api/v1/tokens", { headers: bearer(token.secret), body: { name: "Child" } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("cannot create API tokens") } });
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a cookie-authenticated create or revoke from another site", async () => {
    const user = await createUserRecord(db);
    const token = await createApiTokenRecord(db, { userId: user.id });
    const crossSite = { as: user, isCrossSite: true, headers: { origin: "https://evil.example" } };
    expect((await callRoute(createToken, "POST", "/api/v1/tokens", { ...crossSite, body: { name: "Sneaky" } })).status).toBe(403);
    const revoked = await callRoute(revokeToken, "DELETE", `/api/v1/tokens/${token.id}`, { ...crossSite, params: { tokenId: token.id } });
    expect(revoked.status).toBe(403);
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
  });

  it("answers invalid input with a 400 naming each field", async () => {
    const user = await createUserRecord(db);
    const invalid = [
      [{ name: "   " }, "body.name"],
      [{ name: "x".repeat(API_TOKEN_NAME_MAX_LENGTH + 1) }, "body.name"],
      [{}, "body.name"],
      [{ name: "ok", expiresInDays: 0 }, "body.expiresInDays"],
      [{ name: "ok", expiresInDays: 366 }, "body.expiresInDays"],
      [{ name: "ok", expiresInDays: 1.5 }, "body.expiresInDays"],
      [{ name: "ok", expiresInDays: "30" }, "body.expiresInDays"],
    ] as const;
    for (const [body, path] of invalid) {
      const response = await create(user, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const details = (response.body as { error: { code: string; details: { path: string[] }[] } }).error.details;
      expect(details.map((issue) => issue.path.join("."))).toContain(path);
    }
    expect((await create(user, { name: "Longest", expiresInDays: 365 })).status).toBe(201);
    expect((await create(user, { name: "Explicitly forever", expiresInDays: null })).status).toBe(201);
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(2);
  });

  it("answers 401 without a session or token", async () => {
    expect((await callRoute(listTokens, "GET", "/api/v1/tokens")).status).toBe(401);
    expect((await callRoute(createToken, "POST", "/api/v1/tokens", { body: { name: "Anonymous" } })).status).toBe(401);
    const revoked = await callRoute(revokeToken, "DELETE", "/api/v1/tokens/anything", { params: { tokenId: "anything" } });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("never stores the secret for an Idempotency-Key replay: token creation ignores the header", async () => {
    const user = await createUserRecord(db);
    const first = await create(user, { name: "Retried" }, { "idempotency-key": "token-key-1" });
    expect(first.status).toBe(201);
    const { token } = first.body as { token: string };
    const stored = await db.idempotencyKey.findMany({ where: { userId: user.id } });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored).toEqual([]);
  });
});
