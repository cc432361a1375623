import { randomInt } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { db as testDb } from "@/scripts/test/desk";

// Read when lib/db.ts first connects, which is after this line.
vi.stubEnv("DATABASE_POOL_SIZE", "3");
afterAll(() => vi.unstubAllEnvs());

describe("The app's database pool", () => {
  it("runs ordinary queries under DATABASE_STATEMENT_TIMEOUT_SECONDS", async () => {
    const [row] = await db.$queryRaw<{ setting: string }[]>`SELECT setting FROM pg_settings WHERE name = 'statement_timeout'`;
    expect(row?.setting).toBe(String(serverEnv().DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000));
  });

  it("opens at most DATABASE_POOL_SIZE connections, however many queries wait", async () => {
    const lockKey = randomInt(1, 2 ** 31 - 1);
    const holder = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [lockKey]);
    const waitingBackends = async () =>
      (
        await testDb.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE ${`%pg_advisory_xact_lock(${lockKey})%`}`
      )[0]?.count;
    try {
      // Each of these waits on the lock while holding a connection, until the pool has none left.
      const queries = Array.from({ length: 8 }, async () => db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${lockKey})`));
      await expect.poll(waitingBackends).toBe(3);
      // The other five stay queued in the pool, never reaching PostgreSQL while the three wait.
      expect(await waitingBackends()).toBe(3);
      await holder.query("SELECT pg_advisory_unlock($1)", [lockKey]);
      await Promise.all(queries);
    } finally {
      await holder.end();
    }
  });
});
