import type { Page } from "@playwright/test";
import { expect, signUpViaApi, test, type TestUser } from "./fixtures";

// A desk shares one server, reached as localhost on the machine itself and by an address or a LAN
// name from the others: every name must sign in, change things and sign out onto itself.

async function signInAndCreateWorkspace(page: Page, origin: string, user: TestUser, workspaceName: string) {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);

  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: workspaceName })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
}

test("the app works when opened as 127.0.0.1 and as localhost: sign in, create a workspace, sign out onto the same name", async ({
  browser,
  request,
  baseURL,
}) => {
  const port = new URL(baseURL ?? "").port;
  const user = await signUpViaApi(request, "Host Names");

  for (const host of ["127.0.0.1", "localhost"]) {
    const origin = `http://${host}:${port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndCreateWorkspace(page, origin, user, `Desk via ${host}`);

    if (host === "127.0.0.1") {
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(origin);
    }
    await context.close();
  }
});
