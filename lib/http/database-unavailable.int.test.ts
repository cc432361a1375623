import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { NextRequest } from "next/server";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { createDbClient, type DbClient } from "@/lib/db";
import { errorResponse } from "@/lib/http/define-route";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk } from "@/scripts/test/desk";
import { startThrowawayPostgres } from "@/scripts/test/throwaway-postgres";

// The app's one client lives on globalThis (lib/db.ts); pointing it at a server of this test's own
// lets us stop that server without disturbing the shared test database.
const globalForDb = globalThis as unknown as { claimdeskDb?: DbClient };

let postgres: Awaited<ReturnType<typeof startThrowawayPostgres>>;
let stoppedDb: DbClient;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  stoppedDb = createDbClient(postgres.url);
});

afterAll(async () => {
  await stoppedDb.$disconnect();
  await postgres.remove();
});

async function withAppDatabase<T>(client: DbClient, run: () => Promise<T>): Promise<T> {
  const shared = globalForDb.claimdeskDb;
  globalForDb.claimdeskDb = client;
  try {
    return await run();
  } finally {
    globalForDb.claimdeskDb = shared;
  }
}

describe("a database that is down", () => {
  it("answers a write with 503 unavailable and Retry-After, and the health check says degraded", async () => {
    const { reviewer } = await createDesk();
    await stoppedDb.$queryRaw`SELECT 1`;
    await postgres.stop();

    const write = await withAppDatabase(stoppedDb, () =>
      callRoute(createClaimRoute, "POST", "/api/v1/passages/some-passage/claims", {
        as: reviewer,
        params: { passageId: "some-passage" },
        body: { exact: "Fares rose 12 percent in March." },
      }),
    );
    expect(write.status).toBe(503);
    expect(write.headers.get("retry-after")).toBe("5");
    expect(write.body).toMatchObject({ error: { code: "unavailable", message: expect.stringContaining("cannot reach its database") } });

    const health = await withAppDatabase(stoppedDb, () => healthRoute(new NextRequest("http://localhost:3000/api/health")));
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("5");
    expect(await health.json()).toEqual({ status: "degraded", db: "unreachable", retryAfterSeconds: 5 });
  });

  it("answers 503 for a query the server cut off while shutting down (57P01)", async () => {
    if (!(await postgres.isRunning())) await postgres.restart();
    const watcher = new pg.Client({ connectionString: postgres.url });
    watcher.on("error", () => undefined);
    await watcher.connect();
    const inFlight = stoppedDb.$queryRaw`SELECT pg_sleep(30)`.then(
      () => null,
      (error: unknown) => error,
    );
    await expect
      .poll(async () => (await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'")).rows[0].n as number)
      .toBe(1);
    await postgres.stop();
    const error = await inFlight;

    expect(JSON.stringify(error)).toContain("57P01");
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });
});
