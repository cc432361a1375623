import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres } from "@/scripts/test/throwaway-postgres";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { supervisePostgres } from "./postgres-supervisor";

let postgres: Awaited<ReturnType<typeof startThrowawayPostgres>>;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
});

afterAll(async () => {
  await postgres.remove();
});

async function queryOnce(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ answer: number }>("SELECT 41 + 1 AS answer");
    return result.rows[0]?.answer ?? 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe("PostgreSQL supervisor", () => {
  it("starts a killed postmaster again on the same port, logging why, and queries work again", async () => {
    const lines: string[] = [];
    const supervisor = supervisePostgres(postgres, { log: (line) => lines.push(line), pollIntervalMs: 100, firstRetryDelayMs: 100 });
    try {
      expect(await queryOnce(postgres.url)).toBe(42);
      const pid = Number((await readFile(path.join(postgres.dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
      process.kill(pid, "SIGKILL");

      await expect.poll(() => supervisor.restarts(), { timeout: 60_000 }).toBe(1);
      expect(supervisor.state()).toBe("running");
      await expect.poll(() => queryOnce(postgres.url).catch(() => 0), { timeout: 20_000 }).toBe(42);
      expect(lines[0]).toMatch(/PostgreSQL stopped unexpectedly \(its postmaster process exited\)/);
      expect(lines.at(-1)).toMatch(new RegExp(`PostgreSQL is running again on port ${postgres.port}`));
    } finally {
      await supervisor.stop();
    }
  });

  it("refuses to start a second PostgreSQL on a folder whose PostgreSQL is running, saying which process to stop", async () => {
    const running = await startThrowawayPostgres();
    try {
      const pid = Number((await readFile(path.join(running.dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
      await expect(startEmbeddedPostgres({ dataDir: running.dataDir, database: "throwaway" })).rejects.toThrow(
        `is already running (process ${pid}): is ClaimDesk already started from this folder?`,
      );
      expect(await queryOnce(running.url)).toBe(42);
    } finally {
      await running.remove();
    }
  });
});
