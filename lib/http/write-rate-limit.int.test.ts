import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as batchCreateClaims } from "@/app/api/v1/passages/[passageId]/claims/batch/route";
import { POST as createClaim } from "@/app/api/v1/passages/[passageId]/claims/route";
import { GET as listWorkspaces, POST as createWorkspace } from "@/app/api/v1/workspaces/route";
import { createDbClient } from "@/lib/db";
import { configuredDatabaseUrl } from "@/lib/env";
import { createApiTokenRecord, createPassageRecord, createUserRecord, createWorkspaceRecord } from "@/lib/fixtures/factories";
import { PEER_ADDRESS_HEADER } from "@/lib/http/trusted-proxies";
import { configureWriteRateLimits } from "@/lib/http/write-rate-limit";
import { callRoute } from "@/scripts/test/route-client";

const db = createDbClient(configuredDatabaseUrl() ?? "");
const LIMIT = 3;

const write = (headers: Record<string, string>, as?: Awaited<ReturnType<typeof createUserRecord>>) =>
  callRoute(createWorkspace, "POST", "/api/v1/workspaces", { headers, as, body: { name: "Rate-limited desk" } });
const read = (headers: Record<string, string>) => callRoute(listWorkspaces, "GET", "/api/v1/workspaces", { headers });
// The address our web server hands on from the socket (lib/http/client-address.ts).
const from = (ip: string, headers: Record<string, string> = {}) => ({ ...headers, [PEER_ADDRESS_HEADER]: ip });

async function userWithToken() {
  const user = await createUserRecord(db);
  const { secret } = await createApiTokenRecord(db, { userId: user.id });
  return { user, headers: { authorization: `Bearer ${secret}` } };
}

/**
 * The limiters' clock stands still unless a test moves it, so a slow machine never lets a window
 * pass between two requests: Date, and the timers with which they drop a finished window's count.
 */
const stopLimiterClock = () => vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
/** Moves that clock on; nothing waits. */
const passSeconds = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

describe("write rate limits", () => {
  // Fresh counters for each test: a burst of LIMIT, refilled by one a second.
  beforeEach(() => {
    stopLimiterClock();
    configureWriteRateLimits({ ratePerSecond: 1, burst: LIMIT, perAddressPerMinute: 1000 });
  });
  afterEach(() => vi.useRealTimers());
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

  it("limits writes per address for callers who are not signed in; signed-in callers count per person, not per address", async () => {
    configureWriteRateLimits({ ratePerSecond: 1000, burst: 1000, perAddressPerMinute: 2 });
    expect((await write(from("203.0.113.7"))).status).toBe(401);
    expect((await write(from("203.0.113.7"))).status).toBe(401);
    const limited = await write(from("203.0.113.7"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await write(from("203.0.113.8"))).status).toBe(401);

    // A desk behind one address: its people's writes are theirs, not the address's.
    const first = await userWithToken();
    const second = await userWithToken();
    for (const person of [first, second, first, second]) expect((await write(from("203.0.113.7", person.headers))).status).toBe(201);
  });
});

describe("the write bucket fits a script's work", () => {
  const RATE = 10;
  const BURST = 100;

  beforeEach(() => {
    stopLimiterClock();
    configureWriteRateLimits({ ratePerSecond: RATE, burst: BURST, perAddressPerMinute: 1000 });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => configureWriteRateLimits());

  async function scriptOnPassage() {
    const { user, headers } = await userWithToken();
    const workspace = await createWorkspaceRecord(db, { ownerId: user.id });
    const passage = await createPassageRecord(db, { workspaceId: workspace.id, createdById: user.id, text: "word ".repeat(400) });
    let next = 0;
    // Each create marks the next word, as a script walking a passage would.
    const create = () => {
      const start = 5 * next++;
      return callRoute(createClaim, "POST", `/api/v1/passages/${passage.id}/claims`, { headers, params: { passageId: passage.id }, body: { start, end: start + 4 } });
    };
    return { passage, headers, create };
  }

  it("lets 200 creates through: a burst of 100, then 10 a second", async () => {
    const { passage, create } = await scriptOnPassage();
    const statuses: number[] = [];
    for (let i = 0; i < BURST; i++) statuses.push((await create()).status);
    for (let second = 1; second <= 10; second++) {
      passSeconds(1);
      for (let i = 0; i < RATE; i++) statuses.push((await create()).status);
    }
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(200);
  });

  it("answers a flood beyond the bucket with 429: past the burst at once, and past the rate once the burst is spent", async () => {
    const { passage, create } = await scriptOnPassage();
    for (let i = 0; i < BURST; i++) expect((await create()).status).toBe(201);
    const flooded = await create();
    expect(flooded.status).toBe(429);
    expect(flooded.headers.get("retry-after")).toBe("1");

    passSeconds(1);
    for (let i = 0; i < RATE; i++) expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(429);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(BURST + RATE);
  });

  it("counts a batch of claims as one write", async () => {
    const { passage, headers } = await scriptOnPassage();
    const batch = (words: number[]) =>
      callRoute(batchCreateClaims, "POST", `/api/v1/passages/${passage.id}/claims/batch`, {
        headers,
        params: { passageId: passage.id },
        body: { claims: words.map((i) => ({ start: 5 * i, end: 5 * i + 4 })) },
      });
    configureWriteRateLimits({ ratePerSecond: 1, burst: 2, perAddressPerMinute: 1000 });
    // Counted per claim, the first batch alone would be over the burst.
    expect((await batch([0, 1, 2])).status).toBe(200);
    expect((await batch([3, 4])).status).toBe(200);
    expect((await batch([5])).status).toBe(429);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(5);
  });
});
