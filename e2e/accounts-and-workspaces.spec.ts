import { expect, expectNoSeriousAxeViolations, signUpViaApi, test } from "./fixtures";

test("a newcomer signs up, creates a workspace and lands on its empty state", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Fact-check together" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your ClaimDesk account" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Name").fill("Nadia Reviewer");
  await page.getByLabel("Email").fill(`nadia-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Check the highlighted fields.");

  await page.getByLabel("Password").fill("a much longer password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No workspaces yet" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Workspace name").fill("Elections desk");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Elections desk" })).toBeVisible();
  await expect(page.getByText("Your role: Owner", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No passages yet" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto("/workspaces");
  await expect(page.getByRole("link", { name: /Elections desk/ })).toBeVisible();
});

test("sign-in refuses a wrong password without saying whether the email exists, then signs in and out", async ({ page, request }) => {
  const user = await signUpViaApi(request);
  await page.goto("/signin");
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Email").fill("nobody-here@example.test");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("email or password is incorrect");
  const unknownEmailMessage = await page.locator("main").getByRole("alert").textContent();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("wrong-password-123");
  const [wrongPasswordAnswer] = await Promise.all([
    page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  expect(wrongPasswordAnswer.ok()).toBe(false);
  await expect(page.locator("main").getByRole("alert")).toHaveText(unknownEmailMessage ?? "");

  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fworkspaces/);
});

test("pages that need sign-in send visitors to sign in and back", async ({ page, request }) => {
  const user = await signUpViaApi(request);
  await page.goto("/w/some-workspace");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fw%2Fsome-workspace/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A workspace the user is not a member of looks exactly like a missing one.
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("every page response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/signin", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBeTruthy();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
});

test("sign-in attempts are rate limited per email with a clear 429", async ({ request }) => {
  const user = await signUpViaApi(request);
  let lastStatus = 0;
  let lastBody: { error?: { message?: string } } = {};
  for (let attempt = 0; attempt < 11; attempt++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: "wrong-password-123", json: "true" },
    });
    lastStatus = response.status();
    if (lastStatus === 429) lastBody = (await response.json()) as typeof lastBody;
  }
  expect(lastStatus).toBe(429);
  expect(lastBody.error?.message).toContain("Too many sign-in attempts");
});
