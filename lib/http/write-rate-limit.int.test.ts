import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listWorkspaces, POST as createWorkspace } from "@/app/api/v1/workspaces/route";
import { createDbClient } from "@/lib/db";
import { configuredDatabaseUrl } from "@/lib/env";
import { createApiTokenRecord, createUserRecord } from "@/lib/fixtures/factories";
import { PEER_ADDRESS_HEADER } from "@/lib/http/trusted-proxies";
import { configureWriteRateLimits } from "@/lib/http/write-rate-limit";
import { callRoute } from "@/scripts/test/route-client";

const db = createDbClient(configuredDatabaseUrl() ?? "");
const LIMIT = 3;

const write = (headers: Record<string, string>, as?: Awaited<ReturnType<typeof createUserRecord>>) =>
  callRoute(createWorkspace, "POST", "/api/v1/workspaces", { headers, as, body: { name: "Rate-limited desk" } });
const read = (headers: Record<string, string>) => callRoute(listWorkspaces, "GET", "/api/v1/workspaces", { headers });

async function userWithToken() {
  const user = await createUserRecord(db);
  const { secret } = await createApiTokenRecord(db, { userId: user.id });
  return { user, headers: { authorization: `Bearer ${secret}` } };
}

describe("write rate limits", () => {
  // Fresh counters for each test; the address limit stays out of the way unless a test lowers it.
  beforeEach(() => configureWriteRateLimits({ perActor: LIMIT, perIp: 1000 }));
  afterAll(() => configureWriteRateLimits());

  it("answers the write after the limit with 429, Retry-After and the error shape, and changes nothing", async () => {
    const { user, headers } = await userWithToken();
    for (let i = 0; i < LIMIT; i++) expect((await write(headers)).status).toBe(201);

    const limited = await write(headers);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      error: { code: "rate_limited", message: expect.stringContaining("Too many changes"), details: { retryAfterSeconds: retryAfter } },
    });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(LIMIT);
  });

  it("never limits reads", async () => {
    const { headers } = await userWithToken();
    for (let i = 0; i < LIMIT; i++) await write(headers);
    expect((await write(headers)).status).toBe(429);
    for (let i = 0; i < LIMIT * 3; i++) expect((await read(headers)).status).toBe(200);
  });

  it("leaves other users' tokens and the user's own session unaffected, but shares one budget across a user's tokens", async () => {
    const limited = await userWithToken();
    const other = await userWithToken();
    for (let i = 0; i < LIMIT; i++) await write(limited.headers);
    expect((await write(limited.headers)).status).toBe(429);

    expect((await write(other.headers)).status).toBe(201);
    expect((await write({}, limited.user)).status).toBe(201);
    const { secret } = await createApiTokenRecord(db, { userId: limited.user.id, name: "Second token" });
    expect((await write({ authorization: `Bearer ${secret}` })).status).toBe(429);
  });

  it("limits writes per address, whoever makes them", async () => {
    configureWriteRateLimits({ perActor: 1000, perIp: 2 });
    const first = await userWithToken();
    const second = await userWithToken();
    // The address our web server hands on from the socket (lib/http/client-address.ts).
    const from = (ip: string, headers: Record<string, string>) => ({ ...headers, [PEER_ADDRESS_HEADER]: ip });

    expect((await write(from("203.0.113.7", first.headers))).status).toBe(201);
    expect((await write(from("203.0.113.7", second.headers))).status).toBe(201);
    const limited = await write(from("203.0.113.7", second.headers));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await write(from("203.0.113.8", second.headers))).status).toBe(201);
  });
});
