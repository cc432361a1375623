import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LIVE_CHANGE_CHANNEL, type LiveEvent } from "@/lib/live/live-events";
import { LiveHub } from "@/lib/live/server/live-hub";
import { startThrowawayPostgres } from "@/scripts/test/throwaway-postgres";

// A hub on a PostgreSQL of this file's own, which the tests stop and start again.
let postgres: Awaited<ReturnType<typeof startThrowawayPostgres>>;
const unsubscribes: (() => void)[] = [];

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
});

afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await postgres.remove();
});

async function notifyChange(workspaceId: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const event = { type: "change", workspaceId, actorId: null, claimIds: ["c1"], actions: ["claim.created"] };
    await client.query("SELECT pg_notify($1, $2)", [LIVE_CHANGE_CHANNEL, JSON.stringify(event)]);
  } finally {
    await client.end();
  }
}

function collector() {
  const events: LiveEvent[] = [];
  return { events, send: (event: LiveEvent) => events.push(event) };
}

describe("live hub", () => {
  it("keeps retrying while the database refuses connections, then tells subscribers to resync and delivers changes again", async () => {
    const hub = new LiveHub(() => postgres.url);
    const page = collector();
    unsubscribes.push(await hub.subscribe({ workspaceId: "w-retry", passageId: null, send: page.send }, null));
    const errors = vi.spyOn(console, "error");

    await postgres.stop();
    await expect.poll(() => page.events.map((event) => event.type)).toContain("listener");
    // At least one attempt to reconnect failed before the database came back.
    await expect
      .poll(() => errors.mock.calls.some(([message]) => String(message).includes("reconnecting failed")), { timeout: 20_000 })
      .toBe(true);
    await postgres.restart();

    await expect.poll(() => page.events.map((event) => event.type), { timeout: 20_000 }).toContain("resync");
    await notifyChange("w-retry");
    await expect.poll(() => page.events.filter((event) => event.type === "change")).toHaveLength(1);
  });

  it("does not keep a subscriber whose announcement failed", async () => {
    const hub = new LiveHub(() => postgres.url);
    if (!(await postgres.isRunning())) await postgres.restart();
    const refused = collector();
    // A NOTIFY payload over 8000 bytes is refused by PostgreSQL, so this announcement fails.
    await expect(
      hub.subscribe({ workspaceId: "w-announce", passageId: "p1", send: refused.send }, { userId: "u1", name: "n".repeat(9000) }),
    ).rejects.toThrow(/payload string too long/);

    const other = collector();
    unsubscribes.push(await hub.subscribe({ workspaceId: "w-announce", passageId: null, send: other.send }, null));
    await notifyChange("w-announce");
    await expect.poll(() => other.events.filter((event) => event.type === "change")).toHaveLength(1);
    expect(refused.events).toEqual([]);
  });
});
