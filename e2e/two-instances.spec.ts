import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { childProcessEnv } from "@/lib/env";
import { e2eServerInfoFile, type E2eServerInfo } from "@/scripts/lib/e2e-server-info";
import { startNext, stopProcess, waitForHealthy } from "@/scripts/lib/processes";
import { createWorkspaceViaApi, expect, gotoPassage, test } from "./fixtures";

// Two app instances on one database, as behind a load balancer: the e2e server, and a second
// `next start` of the same build started here with the e2e server's database and secret.
const TEXT = "The tunnel cost 90 million euros. Residents called it overdue.";
let second: ChildProcess | null = null;
let secondUrl = "";
let databaseUrl = "";

test.beforeAll(async ({ baseURL }) => {
  const firstPort = Number(new URL(baseURL ?? "").port);
  const info = JSON.parse(await readFile(e2eServerInfoFile(firstPort), "utf8")) as E2eServerInfo;
  databaseUrl = info.databaseUrl;
  const port = firstPort + 10;
  secondUrl = `http://localhost:${port}`;
  const env = childProcessEnv({
    DATABASE_URL: info.databaseUrl,
    NEXTAUTH_SECRET: info.nextauthSecret,
    NEXTAUTH_URL: secondUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  second = startNext("start", port, undefined, env);
  await waitForHealthy(secondUrl, second, 60_000);
});

test.afterAll(async () => {
  if (second) await stopProcess(second);
});

/**
 * Runs `during` while the e2e database refuses new connections (superusers included) and its
 * connections named like `applicationName` (all when null) are cut off.
 */
async function withDatabaseLockedOut(applicationName: string | null, during: () => Promise<void>): Promise<void> {
  const database = new URL(databaseUrl).pathname.slice(1);
  // PostgreSQL refuses to lock out the database one is connected to.
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE $2", [database, applicationName ?? "%"]);
    await during();
  } finally {
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    await admin.end();
  }
}

test("a label set through one instance reaches a passage open on the other, live", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Two-instance desk");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: baseURL ?? "" }, data: { title: "Tunnel", text: TEXT } });
  const { id: passageId } = (await created.json()) as { id: string };
  const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers: { origin: baseURL ?? "" }, data: { exact: "The tunnel cost 90 million euros." } });
  const { id: claimId } = (await claim.json()) as { id: string };

  // Cookies are shared across the ports of one host, so the session works on both instances.
  await gotoPassage(page, `${secondUrl}/w/${workspaceId}/passages/${passageId}`);
  // The second instance's first stream may wait for its cold start on a busy machine.
  await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 30_000 });

  const patched = await page.request.patch(`${baseURL}/api/v1/claims/${claimId}`, { headers: { origin: baseURL ?? "", "if-match": '"1"' }, data: { label: "factual" } });
  expect(patched.status()).toBe(200);
  const item = page.getByRole("button", { name: /^The tunnel cost 90 million euros\./ });
  await expect(item.locator(".label-chip")).toHaveText(/Factual/, { timeout: 2000 });
});

test("an Idempotency-Key used on one instance returns the first answer when retried on the other", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Retry desk");
  const key = `two-instances-${workspaceId}`;
  const data = { title: "Tunnel", text: TEXT };
  const first = await page.request.post(`${baseURL}/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: baseURL ?? "", "idempotency-key": key }, data });
  expect(first.status()).toBe(201);
  expect(first.headers()["idempotent-replayed"]).toBeUndefined();

  const retried = await page.request.post(`${secondUrl}/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: secondUrl, "idempotency-key": key }, data });
  expect(retried.status()).toBe(201);
  expect(retried.headers()["idempotent-replayed"]).toBe("true");
  expect(await retried.json()).toEqual(await first.json());

  const passages = (await (await page.request.get(`/api/v1/workspaces/${workspaceId}/passages`)).json()) as { items: unknown[] };
  expect(passages.items).toHaveLength(1);
});

test("a page says Reconnecting while its instance cannot listen to the database, and catches up when it can", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Outage desk");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: baseURL ?? "" }, data: { title: "Tunnel", text: TEXT } });
  const { id: passageId } = (await created.json()) as { id: string };
  const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers: { origin: baseURL ?? "" }, data: { exact: "The tunnel cost 90 million euros." } });
  const { id: claimId } = (await claim.json()) as { id: string };
  await gotoPassage(page, `${secondUrl}/w/${workspaceId}/passages/${passageId}`);
  // The second instance's first stream may wait for its cold start on a busy machine.
  await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 30_000 });

  // Only the listeners are cut off: the instance's hub cannot listen again until connections are allowed.
  await withDatabaseLockedOut("claimdesk-live-%", async () => {
    await expect(page.getByText("Reconnecting…")).toBeVisible();
  });
  const patched = await page.request.patch(`${baseURL}/api/v1/claims/${claimId}`, { headers: { origin: baseURL ?? "", "if-match": '"1"' }, data: { label: "factual" } });
  expect(patched.status()).toBe(200);
  await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 20_000 });
  const item = page.getByRole("button", { name: /^The tunnel cost 90 million euros\./ });
  await expect(item.locator(".label-chip")).toHaveText(/Factual/);
});

test("a page that cannot reach the database says so, and shows itself once the database is back", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Unreachable desk");
  await withDatabaseLockedOut(null, async () => {
    await page.goto(`${secondUrl}/w/${workspaceId}`);
    await expect(page.getByRole("heading", { name: "ClaimDesk is briefly unavailable" })).toBeVisible();
    const health = await page.request.get(`${secondUrl}/api/health`);
    expect(health.status()).toBe(503);
    expect(health.headers()["retry-after"]).toBe("5");
  });
  await expect(page.getByRole("heading", { name: "Unreachable desk" })).toBeVisible({ timeout: 20_000 });
});
