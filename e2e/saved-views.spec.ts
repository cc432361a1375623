import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, signInViaApi, test } from "./fixtures";

const TEXT = "Exports doubled last year. Bread costs twice as much. Crime fell by a third. The mayor is doing a great job.";

test("a fact-checker sorts the claims table by a column, saves the view, sees its count and opens it by click and by key", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const headers = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Views desk");
  const create = async (title: string, text: string) => {
    const response = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title, text } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const passageId = await create("Campaign speech", TEXT);
  const doomedPassageId = await create("Draft transcript", "A transcript nobody needs any more.");
  for (const [exact, label] of [
    ["Exports doubled last year.", "factual"],
    ["Crime fell by a third.", "factual"],
    ["Bread costs twice as much.", "factual"],
    ["The mayor is doing a great job.", "opinion"],
  ] as const) {
    const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact, label } });
    expect(claim.status()).toBe(201);
  }

  await page.goto(`/w/${workspaceId}/claims`);
  const table = page.getByRole("table", { name: "Claims" });
  const statements = table.locator(".claims-view-statement a");
  await expect(statements).toHaveCount(4);

  // Sorting: a button in each column header, the header saying how it sorts; the URL keeps it.
  const statementHeader = table.getByRole("columnheader", { name: "Statement" });
  await statementHeader.getByRole("button").click();
  await expect(statementHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=statement/);
  await expect(statements.first()).toHaveText("Bread costs twice as much.");
  await statementHeader.getByRole("button").click();
  await expect(statementHeader).toHaveAttribute("aria-sort", "descending");
  await expect(statements.first()).toHaveText("The mayor is doing a great job.");
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Statement" })).toHaveAttribute("aria-sort", "descending");
  await expect(statements.first()).toHaveText("The mayor is doing a great job.");
  await expect(table.getByRole("columnheader", { name: "Updated" })).not.toHaveAttribute("aria-sort", /.+/);

  await page.getByLabel("Label").selectOption("factual");
  await expect(statements).toHaveCount(3);
  await expect(statements.first()).toHaveText("Exports doubled last year.");
  await page.getByRole("button", { name: "Save view…" }).click();
  await page.getByLabel("View name").fill("Factual, by statement");
  await page.getByLabel("Share with the workspace").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the view “Factual, by statement”." })).toBeVisible();
  await expect(page).toHaveURL(/view=/);
  await expectNoSeriousAxeViolations(page);

  // A second view names a passage that is then deleted: it still opens and says so.
  const saved = await page.request.post(`/api/v1/workspaces/${workspaceId}/views`, {
    headers,
    data: { name: "Transcript only", filter: { passageId: doomedPassageId } },
  });
  expect(saved.status()).toBe(201);
  expect((await page.request.delete(`/api/v1/passages/${doomedPassageId}`, { headers })).status()).toBe(204);

  await page.goto(`/w/${workspaceId}`);
  const views = page.getByRole("region", { name: "Saved views" });
  const factual = views.getByRole("link", { name: /Factual, by statement/ });
  await expect(factual).toContainText("3 claims");
  await expect(views.getByRole("link", { name: /Transcript only/ })).toContainText("4 claims");
  await expect(views.getByRole("link", { name: /Transcript only/ })).toContainText("1 filter no longer apply");
  await expectNoSeriousAxeViolations(page);
  await views.getByRole("button", { name: "Share the view Transcript only with the workspace" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Shared the view “Transcript only” with the workspace." })).toBeVisible();
  await expect(views.getByRole("link", { name: /Transcript only/ })).toContainText(`shared by ${user.name}`);

  await factual.click();
  await expect(page).toHaveURL(/label=factual/);
  await expect(page.getByLabel("Saved view")).toContainText("Factual, by statement");
  await expect(statements).toHaveCount(3);
  await expect(statements.first()).toHaveText("Exports doubled last year.");
  await expect(table.getByRole("columnheader", { name: "Statement" })).toHaveAttribute("aria-sort", "descending");

  await page.goto(`/w/${workspaceId}`);
  await expect(views.getByRole("link", { name: /Transcript only/ })).toBeVisible();
  await page.keyboard.press("2");
  await expect(page).toHaveURL(/\/claims\?.*view=/);
  await expect(page.getByLabel("No longer applies")).toContainText("has been deleted");
  await expect(statements).toHaveCount(4);
  await expectNoSeriousAxeViolations(page);
});
