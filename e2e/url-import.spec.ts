import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { childProcessEnv } from "@/lib/env";
import { e2eServerInfoFile, type E2eServerInfo } from "@/scripts/lib/e2e-server-info";
import { startNext, stopProcess, waitForHealthy } from "@/scripts/lib/processes";
import { ARTICLE_PAGE } from "@/scripts/test/article-page";
import { startFetchingWorkers, startPageServer, type TestPage } from "./support-instance-with-fetching";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, signInViaApi, test } from "./fixtures";

test("the jobs page starts empty, and importing a private address is refused in plain words without queuing anything", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Capture desk");

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No jobs yet" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto(`/w/${workspaceId}/passages/new`);
  await page.getByLabel("Import from a web address").check();
  await expect(page.getByLabel("Text", { exact: true })).toHaveCount(0);
  await page.getByLabel("Web address", { exact: true }).fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("button", { name: "Import passage" }).click();
  await expect(page.getByRole("form", { name: "Import a passage" }).getByRole("alert")).toContainText("That address points inside a private network; ClaimDesk only fetches public web pages.");
  await expectNoSeriousAxeViolations(page);

  const jobs = await page.request.get(`/api/v1/workspaces/${workspaceId}/jobs`);
  expect(jobs.status()).toBe(200);
  expect(((await jobs.json()) as { items: unknown[] }).items).toEqual([]);
});

// The whole import by URL in Chromium. The e2e server (NODE_ENV=production) refuses loopback, as it
// must; so, as e2e/two-instances.spec.ts does, a second instance of the same production build runs
// here on the e2e database with NODE_ENV=test (Next.js still serves the production build and
// runtime) and the test-only FETCH_ALLOW_LOOPBACK_PORT opened to a page server on 127.0.0.1, next to
// a job worker process (scripts/worker.ts, as `npm start` runs one) with the same settings.
test.describe("import by URL from a page server", () => {
  const UPDATE = "<p>Update: the council corrected the figure to 5 percent in a statement on Tuesday evening.</p>";
  const pages = new Map<string, TestPage>([["/articles/budget", { status: 200, body: ARTICLE_PAGE }]]);
  let pageServer: Awaited<ReturnType<typeof startPageServer>>;
  let workers: Awaited<ReturnType<typeof startFetchingWorkers>> | null = null;
  let second: ChildProcess | null = null;
  let secondUrl = "";

  test.beforeAll(async ({ baseURL }) => {
    pageServer = await startPageServer(pages);
    const firstPort = Number(new URL(baseURL ?? "").port);
    const info = JSON.parse(await readFile(e2eServerInfoFile(firstPort), "utf8")) as E2eServerInfo;
    const port = firstPort + 20;
    secondUrl = `http://localhost:${port}`;
    // The web instance checks the address before queuing the import, so it too may reach the page server.
    const env = childProcessEnv({
      DATABASE_URL: info.databaseUrl,
      NEXTAUTH_SECRET: info.nextauthSecret,
      NEXTAUTH_URL: secondUrl,
      NODE_ENV: "test",
      NEXT_TELEMETRY_DISABLED: "1",
      FETCH_ALLOW_LOOPBACK_PORT: String(pageServer.port),
    });
    workers = await startFetchingWorkers({ baseURL, allowedPort: pageServer.port });
    second = startNext("start", port, undefined, env);
    await waitForHealthy(secondUrl, second, 90_000);
  });

  test.afterAll(async () => {
    await workers?.stop();
    if (second) await stopProcess(second);
    await pageServer.stop();
  });

  test("a pasted URL becomes a passage with its metadata and sandboxed copy; importing it again adds revision 2; the jobs page lists both", async ({ signedInPage: page, baseURL }) => {
    test.setTimeout(120_000);
    const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "URL desk");
    const articleUrl = pageServer.urlOf("/articles/budget");

    // Cookies are shared across the ports of one host: the session works on the second instance.
    await page.goto(`${secondUrl}/w/${workspaceId}/passages/new`);
    await page.getByLabel("Import from a web address").check();
    await page.getByLabel("Web address", { exact: true }).fill(articleUrl);
    await page.getByRole("button", { name: "Import passage" }).click();
    // 201 within the wait, or 202 with the job's progress, then the passage (a cold worker may take a while).
    await expect(page).toHaveURL(/\/passages\/(?!new)[^/]+$/, { timeout: 45_000 });
    await expect(page.getByRole("heading", { name: "Budget rises by 4 percent", level: 1 })).toBeVisible();
    const meta = page.locator(".passage-meta");
    await expect(meta).toContainText("Daily Example");
    await expect(meta).toContainText("By Ana Reporter");
    await expect(meta.locator("time").first()).toHaveAttribute("datetime", "2026-03-02T08:00:00.000Z");
    await expect(page.locator(".passage-text")).toContainText("The city budget rose by 4 percent this year");
    await expect(page.locator(".passage-text")).not.toContainText("document.cookie");
    await expect(page.getByText("Revision 1 of 1")).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // "as captured on …" opens the stored copy, served sandboxed (no script runs, no cookie is read).
    const captured = meta.getByRole("link", { name: /^as captured on \d{4}-\d{2}-\d{2}$/ });
    const snapshotPath = (await captured.getAttribute("href")) ?? "";
    expect(snapshotPath).toMatch(/^\/api\/v1\/snapshots\//);
    const [copy] = await Promise.all([page.waitForEvent("popup"), captured.click()]);
    await expect(copy.getByRole("heading", { name: "Budget rises by 4 percent" })).toBeVisible();
    await expect(copy).toHaveTitle("Budget rises | Daily Example");
    await copy.close();
    const stored = await page.request.get(`${secondUrl}${snapshotPath}`);
    expect(stored.status()).toBe(200);
    expect(stored.headers()["content-security-policy"]).toMatch(/^sandbox;/);
    expect(stored.headers()["content-security-policy"]).not.toContain("allow-scripts");

    // The page changed; importing it again offers a new revision instead of a duplicate.
    pages.set("/articles/budget", { status: 200, body: ARTICLE_PAGE.replace("</article>", `${UPDATE}</article>`) });
    await page.goto(`${secondUrl}/w/${workspaceId}/passages/new`);
    await page.getByLabel("Import from a web address").check();
    await page.getByLabel("Web address", { exact: true }).fill(articleUrl);
    await page.getByRole("button", { name: "Import passage" }).click();
    const alert = page.getByRole("form", { name: "Import a passage" }).getByRole("alert");
    await expect(alert).toContainText("already has a passage from this address");
    await expect(alert.getByRole("link", { name: "Open “Budget rises by 4 percent”" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await alert.getByRole("button", { name: "Add as a new revision of “Budget rises by 4 percent”" }).click();
    await expect(page).toHaveURL(/\/passages\/(?!new)[^/]+$/, { timeout: 45_000 });
    await expect(page.getByText("Revision 2 of 2")).toBeVisible();
    await expect(page.locator(".passage-text")).toContainText("the council corrected the figure to 5 percent");

    // Revision history: each revision links its own capture.
    await page.getByRole("button", { name: "Revision history" }).click();
    const history = page.getByRole("table", { name: /Revisions of/ });
    await expect(history.getByRole("link", { name: /^as captured on/ })).toHaveCount(2);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: "Close" }).click();

    // Once more, unchanged: already up to date, in plain words.
    await page.goto(`${secondUrl}/w/${workspaceId}/passages/new`);
    await page.getByLabel("Import from a web address").check();
    await page.getByLabel("Web address", { exact: true }).fill(articleUrl);
    await page.getByRole("button", { name: "Import passage" }).click();
    await alert.getByRole("button", { name: "Add as a new revision of “Budget rises by 4 percent”" }).click();
    await expect(alert).toContainText("The page has not changed since revision 2: the passage is already up to date.", { timeout: 45_000 });

    await page.goto(`${secondUrl}/w/${workspaceId}/jobs`);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "Import by URL" }).filter({ hasText: articleUrl })).toHaveCount(1);
    await expect(rows.filter({ hasText: "New revision from URL" }).filter({ hasText: articleUrl })).toHaveCount(2);
    await expectNoSeriousAxeViolations(page);
  });
});
