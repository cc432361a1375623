import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, signInViaApi, signUpViaApi, test, viewportName } from "./fixtures";

const TEXT = "Exports doubled last year. Bread costs twice as much. Crime fell by a third. The mayor is doing a great job.";

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`saved views at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

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
      await expect(views).toHaveAttribute("data-keys-listening", "true");
      await page.keyboard.press("2");
      await expect(page).toHaveURL(/\/claims\?.*view=/);
      await expect(page.getByLabel("No longer applies")).toContainText("has been deleted");
      await expect(statements).toHaveCount(4);
      await expectNoSeriousAxeViolations(page);
    });
  });
}

test("a reviewer of a blind-review workspace opens a shared view sorted by label: the claims, newest first, with a note saying why", async ({ page, browser, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const headers = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Blind views desk");
  expect((await page.request.patch(`/api/v1/workspaces/${workspaceId}`, { headers, data: { isBlindReview: true } })).status()).toBe(200);
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "Campaign speech", text: TEXT } });
  const { id: passageId } = (await passage.json()) as { id: string };
  for (const exact of ["Exports doubled last year.", "Crime fell by a third."]) {
    expect((await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact, label: "factual" } })).status()).toBe(201);
  }
  const view = await page.request.post(`/api/v1/workspaces/${workspaceId}/views`, {
    headers,
    data: { name: "By label", visibility: "shared", filter: { sort: "label", order: "desc" } },
  });
  expect(view.status()).toBe(201);

  const reviewerContext = await browser.newContext({ baseURL });
  const reviewer = await signUpViaApi(reviewerContext.request, "Rita Reviewer");
  await signInViaApi(reviewerContext.request, reviewer);
  const invitation = await page.request.post(`/api/v1/workspaces/${workspaceId}/invitations`, { headers, data: { email: reviewer.email, role: "reviewer" } });
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  expect((await reviewerContext.request.post(`/api/v1/invitations/${token}/accept`, { headers })).status()).toBe(200);

  const reviewerPage = await reviewerContext.newPage();
  await reviewerPage.goto(`/w/${workspaceId}`);
  await reviewerPage.getByRole("region", { name: "Saved views" }).getByRole("link", { name: /By label/ }).click();
  await expect(reviewerPage).toHaveURL(/sort=label/);
  const statements = reviewerPage.getByRole("table", { name: "Claims" }).locator(".claims-view-statement a");
  await expect(statements).toHaveText(["Crime fell by a third.", "Exports doubled last year."]);
  await expect(reviewerPage.getByRole("note")).toHaveText(/^Sorted newest first instead of by label: in blind double review/);
  await expect(reviewerPage.getByRole("main").getByRole("alert")).toHaveCount(0);
  // Opening the view in the order this reviewer may use is not a change to the view.
  await expect(reviewerPage.getByLabel("Saved view")).toContainText("By label");
  await expect(reviewerPage.getByLabel("Saved view")).not.toContainText("changed since it was saved");
  await expectNoSeriousAxeViolations(reviewerPage);

  // Choosing another sort ends the note; the owner, who may sort by label, never sees it.
  await reviewerPage.getByRole("table", { name: "Claims" }).getByRole("columnheader", { name: "Statement" }).getByRole("button").click();
  await expect(statements.first()).toHaveText("Crime fell by a third.");
  await expect(reviewerPage.getByRole("note")).toHaveCount(0);
  await page.goto(`/w/${workspaceId}/claims?sort=label&order=desc`);
  await expect(page.getByRole("table", { name: "Claims" }).getByRole("columnheader", { name: "Label" })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("note")).toHaveCount(0);
  await reviewerContext.close();
});
