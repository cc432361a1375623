import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, test } from "./fixtures";

// The receiver is a public address literal: registration checks it without DNS. Whether the
// delivery then succeeds is the integration tests' business (lib/webhooks/webhooks.int.test.ts);
// here the owner sees it in the log.
const RECEIVER = "https://93.184.215.14/claimdesk-hook";

test("an owner registers a webhook, keeps the secret shown once, and sees a delivery in the log", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Webhook Desk");
  await page.goto(`/w/${workspaceId}/settings`);
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Endpoint URL").fill(RECEIVER);
  await page.getByLabel("Description (optional)").fill("Newsroom CMS");
  await page.getByRole("checkbox", { name: /A passage is added/ }).check();
  await page.getByRole("button", { name: "Register endpoint" }).click();
  const secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expect(page.getByRole("button", { name: "Copy secret" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "I have kept it" }).click();
  await expect(page.getByRole("heading", { name: "Newsroom CMS" })).toBeVisible();

  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers: { origin: baseURL ?? "" },
    data: { title: "Harbour", text: "The harbour reopened on Monday after repairs." },
  });
  expect(passage.status()).toBe(201);
  await page.reload();
  const log = page.getByRole("table", { name: `Deliveries to ${RECEIVER}` });
  await expect(log.getByRole("cell", { name: "passage.created" })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // An internal address is refused with a plain message.
  await page.getByLabel("Endpoint URL").fill("http://169.254.169.254/latest/meta-data");
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "private network" })).toBeVisible();
});
