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
