import type { Page } from "@playwright/test";
import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, test, viewportName } from "./fixtures";

// 100 characters, the longest name a workspace may have, with one unbroken 60-character word.
const LONG_NAME = `Regional ${"Desinformationsbekämpfungsarbeitsgruppenkoordinationsstelle".padEnd(60, "x")} and elections desk`.padEnd(100, "!");
const LONG_URL = `https://statistics.example.org/${"releases/".repeat(20)}october-2026-population-estimates.html`;

async function expectNoSidewaysScroll(page: Page, path: string) {
  const overflow = await page.evaluate(() => ({ scrollWidth: document.scrollingElement?.scrollWidth ?? 0, innerWidth: window.innerWidth }));
  expect(overflow.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(overflow.innerWidth);
}

async function workspaceWithLongNames(page: Page, baseURL: string | undefined) {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, LONG_NAME);
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers: { origin: baseURL ?? "" },
    data: { title: `Population ${"estimate".repeat(12)}`, text: `The population grew by 3 percent last year. Source: ${LONG_URL}`, sourceUrl: LONG_URL },
  });
  expect(passage.status()).toBe(201);
  return { workspaceId, passageId: ((await passage.json()) as { id: string }).id };
}

test("on a 390 px phone the header and the main pages fit the screen, even with a 100-character workspace name", async ({ signedInPage: page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { workspaceId, passageId } = await workspaceWithLongNames(page, baseURL);
  const paths = [
    "/workspaces",
    `/w/${workspaceId}`,
    `/w/${workspaceId}/passages/${passageId}`,
    `/w/${workspaceId}/claims`,
    `/w/${workspaceId}/members`,
    `/w/${workspaceId}/search?q=population`,
    `/w/${workspaceId}/queue`,
    "/notifications",
    "/settings/account",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeInViewport();
  await expectNoSeriousAxeViolations(page);

  await page.goto(`/w/${workspaceId}/members`);
  await page.locator(".workspace-switcher > summary").click();
  await expect(page.getByRole("list", { name: "Your workspaces" })).toBeInViewport();
  await expectNoSidewaysScroll(page, "the open workspace switcher");
});

test("signed-out pages fit a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/signin", "/signup"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, path);
  }
  await expectNoSeriousAxeViolations(page);
});

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`long names at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

    test("a long workspace name is cut short with the whole name on hover, and wraps in headings", async ({ signedInPage: page, baseURL }) => {
      const { workspaceId } = await workspaceWithLongNames(page, baseURL);
      await page.goto(`/w/${workspaceId}/claims`);
      const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
      await expect(breadcrumb).toHaveAttribute("title", LONG_NAME);
      await expect(page.locator(".workspace-switcher > summary")).toHaveAttribute("title", LONG_NAME);
      await expectNoSidewaysScroll(page, "claims");
      await page.goto(`/w/${workspaceId}`);
      await expect(page.getByRole("heading", { level: 1, name: LONG_NAME })).toBeVisible();
      // Roles read as names in badges, not as the API's lowercase values.
      await expect(page.getByText("Your role: Owner", { exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page, "workspace");
      await expectNoSeriousAxeViolations(page);
    });
  });
}

test("browsers find an icon: /favicon.ico answers, and pages link the SVG icon", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  await page.goto("/");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
