import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export type TestUser = { id: string; email: string; name: string; password: string };

/** Creates an account through the public API, as a newsroom script would. */
export async function signUpViaApi(request: APIRequestContext, name = "E2E Reviewer"): Promise<TestUser> {
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const password = "e2e-password-long-enough";
  const response = await request.post("/api/v1/users", { data: { email, password, name } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, email, name, password };
}

/** Signs in through next-auth's credentials flow (csrf, then callback), leaving the session cookie in the context. */
export async function signInViaApi(request: APIRequestContext, user: TestUser): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(user.email);
}

/** Creates a workspace as the signed-in user of `request`, sending the Origin a browser would. */
export async function createWorkspaceViaApi(request: APIRequestContext, baseURL: string | undefined, name: string): Promise<string> {
  const response = await request.post("/api/v1/workspaces", { data: { name }, headers: { origin: baseURL ?? "" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Opens a passage and waits until the reader is hydrated, so keys and selections reach it. */
export async function gotoPassage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(".passage-text[data-interactive]")).toBeVisible();
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation the new page's <title> is committed with its metadata, a moment
  // after its content; checking in between would report the title missing.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The window sizes the reviewer's desk was tried at (issue 14): every journey about what was seen there runs at both. */
export const DESK_VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 900 },
] as const;

/** "1280×720", for test titles. */
export const viewportName = (viewport: { width: number; height: number }) => `${viewport.width}×${viewport.height}`;

type Fixtures = { user: TestUser; signedInPage: Page };

export const test = base.extend<Fixtures>({
  user: async ({ request }, provide) => {
    await provide(await signUpViaApi(request));
  },
  signedInPage: async ({ page, user }, provide) => {
    await signInViaApi(page.request, user);
    await provide(page);
  },
});

export { expect };
