import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, signInViaApi, signUpViaApi, test } from "./fixtures";

test("an owner invites a colleague by link, who accepts it in their own browser and joins as editor", async ({ signedInPage: page, browser, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Team desk");
  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Email").fill("colleague@example.test");
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row", { name: /colleague@example\.test/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const colleagueContext = await browser.newContext({ baseURL });
  const colleaguePage = await colleagueContext.newPage();
  const colleague = await signUpViaApi(colleaguePage.request, "Carla Colleague");
  await signInViaApi(colleaguePage.request, colleague);
  await colleaguePage.goto(new URL(link).pathname);
  await expect(colleaguePage.getByRole("heading", { name: "Join “Team desk”" })).toBeVisible();
  await expect(colleaguePage.getByText(/invited you as an editor/)).toBeVisible();
  await expectNoSeriousAxeViolations(colleaguePage);
  await colleaguePage.getByRole("button", { name: "Accept and join Team desk" }).click();
  await expect(colleaguePage).toHaveURL(new RegExp(`/w/${workspaceId}$`));
  await expect(colleaguePage.getByText("Your role: Editor", { exact: true })).toBeVisible();

  // The link works once.
  await colleaguePage.goto(new URL(link).pathname);
  await expect(colleaguePage.getByText("You are already a member of this workspace as an editor")).toBeVisible();
  await colleagueContext.close();

  await page.reload();
  await expect(page.getByRole("row", { name: /Carla Colleague/ })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Role of Carla Colleague" })).toHaveValue("editor");
  await expect(page.getByText("No pending invitations.")).toBeVisible();
});

test("a viewer sees the members read-only, and the API refuses their changes with 403", async ({ signedInPage: page, user, browser, baseURL }) => {
  const ownerContext = await browser.newContext({ baseURL });
  const owner = await signUpViaApi(ownerContext.request, "Olivia Owner");
  await signInViaApi(ownerContext.request, owner);
  const workspaceId = await createWorkspaceViaApi(ownerContext.request, baseURL, "Read-only desk");
  const invitation = await ownerContext.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
    data: { email: user.email, role: "viewer" },
    headers: { origin: baseURL ?? "" },
  });
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  const accepted = await page.request.post(`/api/v1/invitations/${token}/accept`, { headers: { origin: baseURL ?? "" } });
  expect(accepted.status()).toBe(200);

  await page.goto(`/w/${workspaceId}/members`);
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /Olivia Owner/ })).toBeVisible();
  await expect(page.getByRole("table").getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove|Create invitation link|Withdraw/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Leave workspace" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const patched = await page.request.patch(`/api/v1/workspaces/${workspaceId}/members/${owner.id}`, {
    data: { role: "viewer" },
    headers: { origin: baseURL ?? "" },
  });
  expect(patched.status()).toBe(403);
  const invited = await page.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
    data: { email: "friend@example.test", role: "owner" },
    headers: { origin: baseURL ?? "" },
  });
  expect(invited.status()).toBe(403);
  await ownerContext.close();
});

test("a member of one workspace gets 404 for another workspace's pages and API", async ({ signedInPage: page, browser, baseURL }) => {
  const otherContext = await browser.newContext({ baseURL });
  const other = await signUpViaApi(otherContext.request, "Other Owner");
  await signInViaApi(otherContext.request, other);
  const foreignId = await createWorkspaceViaApi(otherContext.request, baseURL, "Someone else's desk");
  await createWorkspaceViaApi(page.request, baseURL, "My desk");

  for (const path of [`/w/${foreignId}`, `/w/${foreignId}/members`, `/w/${foreignId}/claims`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Someone else's desk")).toHaveCount(0);
  }
  expect((await page.request.get(`/api/v1/workspaces/${foreignId}/members`)).status()).toBe(404);
  await otherContext.close();
});

test("the header's workspace switcher lists the user's workspaces and opens one", async ({ signedInPage: page, baseURL }) => {
  const firstId = await createWorkspaceViaApi(page.request, baseURL, "Alpha desk");
  await createWorkspaceViaApi(page.request, baseURL, "Beta desk");
  await page.goto(`/w/${firstId}`);
  await page.locator("summary", { hasText: "Switch workspace; current: Alpha desk" }).click();
  await page.getByRole("list", { name: "Your workspaces" }).getByRole("link", { name: "Beta desk" }).click();
  await expect(page.getByRole("heading", { name: "Beta desk" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
