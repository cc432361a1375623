import { expect, expectNoSeriousAxeViolations, signInViaApi, test } from "./fixtures";

test("sign-up says why a guessable password is refused, next to the field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Pat Weak");
  await page.getByLabel("Email").fill(`pat-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText("commonly used password");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test("a password change signs out the other browser; sign out everywhere ends this one too", async ({ signedInPage: page, user, browser }) => {
  const otherBrowser = await browser.newContext();
  await signInViaApi(otherBrowser.request, user);
  expect((await otherBrowser.request.get("/api/v1/me")).status()).toBe(200);

  await page.goto("/settings/account");
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#newPassword-error")).toContainText("commonly used password");

  await page.getByLabel("New password").fill("plum orchard lantern 42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toContainText("1 other session was signed out");
  expect((await otherBrowser.request.get("/api/v1/me")).status()).toBe(401);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await otherBrowser.close();
});
