import { createWorkspaceViaApi, expect, gotoPassage, signInViaApi, signUpViaApi, test } from "./fixtures";
import { startFetchingWorkers, startPageServer, type TestPage } from "./support-instance-with-fetching";

// Linked web evidence is captured by a job; everyone with the claim open sees the outcome arrive
// live (no reload), and any member, a viewer too, opens the stored copy. Run: E2E_PORT=3320.

const TEXT = "The harbour handled 12 million tonnes of cargo in 2025. Traffic grew for a third year.";
const pages = new Map<string, TestPage>();
let pageServer: Awaited<ReturnType<typeof startPageServer>>;
let workers: Awaited<ReturnType<typeof startFetchingWorkers>> | null = null;

test.beforeAll(async ({ baseURL }) => {
  pageServer = await startPageServer(pages);
  workers = await startFetchingWorkers({ baseURL, allowedPort: pageServer.port });
});

test.afterAll(async () => {
  await workers?.stop();
  await pageServer.stop();
});

test("linked web evidence shows Captured ✓ live for everyone on the claim, and a viewer opens the stored copy", async ({ signedInPage: page, browser, baseURL }) => {
  pages.set(
    "/annual-report",
    {
      status: 200,
      body: `<!doctype html><html><head><title>Harbour annual report 2025</title></head><body><article><h1>Harbour annual report 2025</h1><p>The harbour handled 12 million tonnes of cargo in 2025, up from 11 million the year before.</p><p>Container traffic grew for a third year.</p></article></body></html>`,
    },
  );
  const origin = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Capture desk");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers: origin, data: { title: "Harbour", text: TEXT } });
  const { id: passageId } = (await created.json()) as { id: string };
  const claimAnswer = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers: origin, data: { exact: "The harbour handled 12 million tonnes of cargo in 2025." } });
  expect(claimAnswer.status()).toBe(201);

  // A viewer of the workspace has the same passage open in their own browser.
  const viewerContext = await browser.newContext({ baseURL });
  const viewer = await signUpViaApi(viewerContext.request, "Vera Viewer");
  await signInViaApi(viewerContext.request, viewer);
  const invitation = await page.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, { headers: origin, data: { email: viewer.email, role: "viewer" } });
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  expect((await viewerContext.request.post(`/api/v1/invitations/${token}/accept`, { headers: origin })).status()).toBe(200);
  const viewerPage = await viewerContext.newPage();

  const claimButton = (on: typeof page) => on.getByRole("button", { name: /^The harbour handled 12 million tonnes of cargo in 2025\./ });
  for (const open of [page, viewerPage]) {
    await gotoPassage(open, `/w/${workspaceId}/passages/${passageId}`);
    // "Live", or "Live · Also viewing: …" once the other is there.
    await expect(open.getByText(/^Live( ·|$)/)).toBeVisible({ timeout: 30_000 });
    await claimButton(open).click();
    // Marks this document: a reload would lose it.
    await open.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  }

  await page.getByLabel("Source URL").fill(pageServer.urlOf("/annual-report"));
  await page.getByRole("button", { name: "Add evidence" }).click();
  // The capture runs in the workers' process; its outcome reaches both open pages through the database.
  for (const open of [page, viewerPage]) {
    const list = open.locator(".evidence-list");
    await expect(list.getByText(/^Captured ✓/)).toBeVisible({ timeout: 30_000 });
    await expect(list.getByRole("link", { name: "Stored copy of Harbour annual report 2025" })).toBeVisible();
    expect(await open.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  }
  // The capture read the page's title for evidence that had none.
  await expect(viewerPage.locator(".evidence-list").getByRole("link", { name: "Harbour annual report 2025", exact: true })).toBeVisible();

  // The viewer opens the stored copy: served sandboxed, scripts never run.
  const storedLink = viewerPage.getByRole("link", { name: "Stored copy of Harbour annual report 2025" });
  const href = (await storedLink.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/api\/v1\/snapshots\//);
  const stored = await viewerContext.request.get(href);
  expect(stored.status()).toBe(200);
  expect(stored.headers()["content-security-policy"]).toContain("sandbox");
  expect(await stored.text()).toContain("The harbour handled 12 million tonnes of cargo in 2025, up from 11 million");
  const [copyTab] = await Promise.all([viewerContext.waitForEvent("page"), storedLink.click()]);
  await expect(copyTab.getByRole("heading", { name: "Harbour annual report 2025" })).toBeVisible();
  await copyTab.close();

  // A page that is not there: both pages say why the capture failed, still without a reload.
  await page.getByLabel("Source URL").fill(pageServer.urlOf("/withdrawn-report"));
  await page.getByRole("button", { name: "Add evidence" }).click();
  for (const open of [page, viewerPage]) {
    await expect(open.locator(".evidence-list").getByText("Not captured: The page answered HTTP 404.")).toBeVisible({ timeout: 30_000 });
    expect(await open.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  }
  await viewerContext.close();
});
