import pg from "pg";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { createNewsPassages, requestExport } from "@/lib/exports/exports.int-helpers";
import { runCopyExport } from "@/lib/exports/server/copy-export";
import { exportConnection } from "@/lib/exports/server/export-claims";
import { exportConnectionConfig, openExportReader } from "@/lib/exports/server/read-export-claims";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import { createDesk, db } from "@/scripts/test/desk";

async function exportingDesk() {
  const desk = await createDesk();
  const { harbour } = await createNewsPassages(desk);
  await createClaimRecord(db, { passage: harbour, exact: "The harbour handled 4.2 million containers in 2025.", createdById: desk.owner.id });
  return desk;
}

type User = { id: string; email: string; name: string };

/** An export whose download has started and is not read: it holds its slot, worker and connection. */
async function startExport(as: User, workspaceId: string): Promise<Response> {
  return requestExport(as, workspaceId, { format: "jsonl", state: "all" });
}

async function errorMessage(response: Response): Promise<string> {
  return ((await response.json()) as { error: { message: string } }).error.message;
}

describe("Export limits", () => {
  it("refuses a person's export over EXPORT_MAX_PER_USER with 429 while theirs stream, and frees the slot when one completes or is cancelled", async () => {
    const desk = await exportingDesk();
    const perUser = serverEnv().EXPORT_MAX_PER_USER;
    const streaming: Response[] = [];
    for (let i = 0; i < perUser; i++) {
      const response = await startExport(desk.viewer, desk.workspaceId);
      expect(response.status).toBe(200);
      streaming.push(response);
    }

    const refused = await startExport(desk.viewer, desk.workspaceId);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await errorMessage(refused)).toMatch(/already have \d+ exports? downloading.*Wait for one to finish/);

    const [completed, ...others] = streaming;
    expect(await completed!.text()).toContain("The harbour handled");
    const afterCompletion = await startExport(desk.viewer, desk.workspaceId);
    expect(afterCompletion.status).toBe(200);
    expect((await startExport(desk.viewer, desk.workspaceId)).status).toBe(429);

    await afterCompletion.body?.cancel();
    const afterCancel = await startExport(desk.viewer, desk.workspaceId);
    expect(afterCancel.status).toBe(200);
    await Promise.all([afterCancel, ...others].map((response) => response.body?.cancel()));
  });

  it("answers 503 with Retry-After when the instance runs EXPORT_MAX_CONCURRENT exports", async () => {
    const desk = await exportingDesk();
    const { EXPORT_MAX_CONCURRENT: total, EXPORT_MAX_PER_USER: perUser } = serverEnv();
    const members = [desk.owner, desk.editor, desk.reviewer, desk.viewer];
    expect(members.length * perUser).toBeGreaterThan(total); // someone is left without a running export
    const streaming: Response[] = [];
    let next = 0;
    while (streaming.length < total) {
      const member = members[Math.floor(next++ / perUser)]!;
      const response = await startExport(member, desk.workspaceId);
      expect(response.status).toBe(200);
      streaming.push(response);
    }

    const idleMember = members[members.length - 1]!;
    const busy = await startExport(idleMember, desk.workspaceId);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await errorMessage(busy)).toMatch(/busy with other exports/);

    await streaming[0]!.body?.cancel();
    const freed = await startExport(idleMember, desk.workspaceId);
    expect(freed.status).toBe(200);
    await Promise.all([freed, ...streaming.slice(1)].map((response) => response.body?.cancel()));
  });

  it("opens export connections with statement_timeout and idle_in_transaction_session_timeout from the settings", async () => {
    const env = serverEnv();
    const client = new pg.Client(exportConnectionConfig(exportConnection()));
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('statement_timeout', 'idle_in_transaction_session_timeout') ORDER BY name",
      );
      expect(rows).toEqual([
        { name: "idle_in_transaction_session_timeout", setting: String(env.EXPORT_IDLE_TIMEOUT_SECONDS * 1000) },
        { name: "statement_timeout", setting: String(env.EXPORT_STATEMENT_TIMEOUT_SECONDS * 1000) },
      ]);
    } finally {
      await client.end();
    }
  });

  it("has PostgreSQL end an export whose download stopped reading, once it idles past the timeout", async () => {
    const desk = await exportingDesk();
    const applicationName = `export-idle-${desk.workspaceId}`;
    const url = new URL(serverEnv().DATABASE_URL);
    url.searchParams.set("application_name", applicationName);
    const reader = await openExportReader({
      connection: { ...exportConnection(), connectionString: url.toString(), idleInTransactionTimeoutMs: 200 },
      workspaceId: desk.workspaceId,
      filters: { state: "all" },
      hidesUndecidedLabels: false,
      includePassageText: false,
    });
    const backends = async () =>
      (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = ${applicationName}`)[0]?.count;
    await expect.poll(backends, { timeout: 10_000 }).toBe(0);
    await expect(reader.batches().next()).rejects.toThrow();
    await reader.close();
  });

  it("ends a COPY export whose download stopped reading once it makes no progress past the idle timeout", async () => {
    const desk = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "The harbour handled 4.2 million containers." });
    // Megabytes of lines, more than the sockets between PostgreSQL and Node hold: the COPY must wait for the reader.
    await db.$executeRaw`
      INSERT INTO "Claim" ("id", "workspaceId", "passageId", "statement", "state", "exact", "prefix", "suffix", "start", "end", "createdById", "lastEditedById", "updatedAt")
      SELECT 'stall-' || g || '-' || ${desk.workspaceId}, ${desk.workspaceId}, ${passage.id}, repeat('A long statement. ', 200), 'draft', 'The harbour', '', ' handled', 0, 11, ${desk.owner.id}, ${desk.owner.id}, now()
      FROM generate_series(1, 3000) AS g`;
    const applicationName = `copy-idle-${desk.workspaceId}`;
    const url = new URL(serverEnv().DATABASE_URL);
    url.searchParams.set("application_name", applicationName);
    let isSlotFreed = false;
    const run = await runCopyExport(
      {
        connection: { ...exportConnection(), connectionString: url.toString(), idleInTransactionTimeoutMs: 300 },
        workspaceId: desk.workspaceId,
        format: "csv",
        filters: { state: "all" },
        hidesUndecidedLabels: false,
        context: { appUrl: "http://localhost", workspace: { id: desk.workspaceId, name: "Stall" }, filterLabel: "", exportUrl: "" },
      },
      () => (isSlotFreed = true),
    );
    expect(run.claimCount).toBe(3000);
    const backends = async () =>
      (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = ${applicationName}`)[0]?.count;
    await expect.poll(backends, { timeout: 10_000 }).toBe(0);
    expect(isSlotFreed).toBe(true);
    await expect(new Response(run.body).arrayBuffer()).rejects.toThrow();
  });

  it("ends both connections of a two-connection COPY export whose download stopped reading, once it makes no progress past the idle timeout", async () => {
    const desk = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "The harbour handled 4.2 million containers." });
    // Far more than each connection reads ahead of the download and its socket holds.
    await db.$executeRaw`
      INSERT INTO "Claim" ("id", "workspaceId", "passageId", "statement", "verdictNote", "state", "exact", "prefix", "suffix", "start", "end", "createdById", "lastEditedById", "updatedAt")
      SELECT 'stall2-' || g || '-' || ${desk.workspaceId}, ${desk.workspaceId}, ${passage.id}, 'A statement', repeat('A long note. ', 300), 'draft', 'The harbour', '', ' handled', 0, 11, ${desk.owner.id}, ${desk.owner.id}, now()
      FROM generate_series(1, 6000) AS g`;
    const applicationName = `copy-lanes-idle-${desk.workspaceId}`;
    const url = new URL(serverEnv().DATABASE_URL);
    url.searchParams.set("application_name", applicationName);
    const backends = async () =>
      (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = ${applicationName}`)[0]?.count;
    // Blocks of 100 claims, so two connections take turns from the start.
    const lanesInput = (idleInTransactionTimeoutMs: number) => ({
      ...{ workspaceId: desk.workspaceId, format: "csv" as const, filters: { state: "all" as const }, hidesUndecidedLabels: false, lanes: { blockClaims: 100, fromClaims: 0 } },
      connection: { ...exportConnection(), connectionString: url.toString(), idleInTransactionTimeoutMs },
      context: { appUrl: "http://localhost", workspace: { id: desk.workspaceId, name: "Lanes" }, filterLabel: "", exportUrl: "" },
    });
    let isSlotFreed = false;
    const run = await runCopyExport(lanesInput(300), () => (isSlotFreed = true));
    expect(run.claimCount).toBe(6000);
    expect(await backends()).toBe(2);
    await expect.poll(backends, { timeout: 10_000 }).toBe(0);
    expect(isSlotFreed).toBe(true);
    await expect(new Response(run.body).arrayBuffer()).rejects.toThrow();

    // Cancelling such a download ends both connections at once.
    const cancelled = await runCopyExport(lanesInput(60_000));
    const reader = cancelled.body.getReader();
    expect((await reader.read()).done).toBe(false);
    expect(await backends()).toBe(2);
    await reader.cancel();
    await expect.poll(backends, { timeout: 10_000 }).toBe(0);
  });
});
