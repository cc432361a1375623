import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";

test("a user creates an API token, sees it once, uses it from a script and revokes it", async ({ signedInPage: page, user, playwright, baseURL }) => {
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Name").fill("Newsroom script");
  await page.getByRole("button", { name: /Create/ }).click();
  const secret = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(secret).toMatch(/^cd_[A-Za-z0-9_-]{40,}$/);
  await expectNoSeriousAxeViolations(page);

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const me = await script.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: user.email, authenticatedVia: "token" });

  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke token: Newsroom script" }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();
  expect((await script.get("/api/v1/me")).status()).toBe(401);
  await script.dispose();
});

test("the API reference at /api/docs lists every endpoint of the OpenAPI document", async ({ page, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths["/api/v1/passages/{passageId}/claims"]?.post?.responses ?? {})).toContain("429");
  await page.goto("/api/docs");
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "ClaimDesk API reference" })).toBeVisible();
  for (const path of Object.keys(document.paths)) await expect(page.getByText(path, { exact: false }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
