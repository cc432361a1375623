import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDbClient, type DbClient } from "@/lib/db";
import { chromium, type Browser, type Page } from "@playwright/test";
import { childProcessEnv, launcherEnv } from "@/lib/env";
import { createApiTokenRecord, createUserRecord, createWorkspaceRecord } from "@/lib/fixtures/factories";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { freePort } from "../lib/embedded-postgres";
import { buildIfStale, startNext, stopProcess, waitForHealthy } from "../lib/processes";
import { applyMigrations } from "../lib/schema-engine";

export type BenchServer = {
  baseUrl: string;
  db: DbClient;
  databaseUrl: string;
  user: { id: string; email: string; name: string; password: string };
  workspaceId: string;
  token: string;
  /** The web server's process id, to sample its memory. */
  serverPid: number | undefined;
  api: (path: string, init?: RequestInit) => Promise<Response>;
  stop: () => Promise<void>;
};

/** The production build on a fresh embedded PostgreSQL, with one user, workspace and API token. */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "claimdesk-bench-"));
  const postgres = await startEmbeddedPostgres({ dataDir, database: "claimdesk_bench" });
  await applyMigrations(postgres.url);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = childProcessEnv({
    DATABASE_URL: postgres.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: undefined,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The api suite writes hundreds of times one after another; the limits are not what it measures.
    WRITE_RATE_PER_SECOND: "10000",
    WRITE_BURST: "10000",
  });
  await buildIfStale(env);
  // BENCH_SERVER_NODE_OPTIONS reaches the web server only (not the build), e.g. a profiler preload.
  const serverNodeOptions = launcherEnv().BENCH_SERVER_NODE_OPTIONS;
  const server = startNext("start", port, "127.0.0.1", serverNodeOptions ? { ...env, NODE_OPTIONS: serverNodeOptions } : env);
  await waitForHealthy(baseUrl, server, 60_000);

  const db = createDbClient(postgres.url);
  const user = await createUserRecord(db, { name: "Bench Owner" });
  const workspace = await createWorkspaceRecord(db, { ownerId: user.id, name: "Bench desk" });
  const { secret } = await createApiTokenRecord(db, { userId: user.id, name: "bench" });
  return {
    baseUrl,
    db,
    databaseUrl: postgres.url,
    user,
    workspaceId: workspace.id,
    token: secret,
    serverPid: server.pid,
    api: (apiPath, init = {}) =>
      fetch(`${baseUrl}${apiPath}`, {
        ...init,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...(init.headers ?? {}) },
      }),
    stop: async () => {
      await db.$disconnect();
      await stopProcess(server);
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function summarize(samples: number[]): { median: number; p95: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Debian's Chromium with a page signed in as the bench user through next-auth's credentials flow. */
export async function signedInBrowserPage(server: BenchServer): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: launcherEnv().CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: server.user.email, password: server.user.password, json: "true" },
  });
  return { browser, page: await context.newPage() };
}

/** Resident memory of a process and its descendants, in MB, from /proc (Linux). */
export async function processTreeRss(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  let kilobytes = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined) break;
    try {
      const status = await readFile(`/proc/${current}/status`, "utf8");
      kilobytes += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      for (const task of await readdir(`/proc/${current}/task`)) {
        const children = await readFile(`/proc/${current}/task/${task}/children`, "utf8");
        pending.push(...children.split(" ").filter(Boolean).map(Number));
      }
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kilobytes / 1024;
}

/** CPU time (user + system) a process and its descendants have used so far, in ms, from /proc (Linux). */
export async function processTreeCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined) break;
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = await readFile(`/proc/${current}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      for (const task of await readdir(`/proc/${current}/task`)) {
        const children = await readFile(`/proc/${current}/task/${task}/children`, "utf8");
        pending.push(...children.split(" ").filter(Boolean).map(Number));
      }
    } catch {
      // The process ended between listing and reading.
    }
  }
  return (ticks / ticksPerSecond) * 1000;
}
