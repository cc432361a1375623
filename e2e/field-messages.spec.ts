import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, gotoPassage, test, viewportName } from "./fixtures";

// The API answers precise messages ("body.name: Workspace names are at most 100 characters"); forms
// show plain words next to the field they concern, and their alert no longer repeats the raw text.

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`field messages at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

    test("a too-long workspace name is flagged at the field as it is typed, and cannot be sent", async ({ signedInPage: page }) => {
      await page.goto("/workspaces");
      const name = page.getByLabel("Workspace name");
      const tooLong = "Elections desk ".repeat(7).trim();
      await name.fill(tooLong);

      await expect(name).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#workspace-name-count")).toContainText(`${tooLong.length - 100} too many`);
      await expect(page.getByRole("button", { name: "Create workspace" })).toBeDisabled();
      await name.fill(tooLong.slice(0, 100));
      await expect(page.getByRole("button", { name: "Create workspace" })).toBeEnabled();
      await expectNoSeriousAxeViolations(page);
    });

    test("evidence without a source URL asks for the web address next to the URL field", async ({ signedInPage: page, baseURL }) => {
      const headers = { origin: baseURL ?? "" };
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Evidence desk");
      const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "Transit", text: "Fares rose 12 percent last year." } });
      const { id: passageId } = (await passage.json()) as { id: string };
      const created = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact: "Fares rose 12 percent" } });
      expect(created.status()).toBe(201);
      const claim = (await created.json()) as { id: string };

      await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claim.id}`);
      const url = page.getByLabel("Source URL");
      await expect(url).toHaveValue("");
      await page.getByRole("button", { name: "Add evidence" }).click();

      await expect(url).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("Enter the web address of the source.")).toBeVisible();
      const form = page.getByRole("form", { name: "Add evidence" });
      await expect(form).not.toContainText("but not both");
      await expect(form).not.toContainText("Invalid request body");
      await expectNoSeriousAxeViolations(page);
    });
  });
}

test("the passage import form and the search box count characters against their limits as you type", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Counting desk");
  await page.goto(`/w/${workspaceId}/passages/new`);
  const title = page.getByLabel("Title");
  await title.fill("t".repeat(290));
  await expect(page.locator("#passage-title-count")).toHaveText(/^290 \/ 300/);
  await expect(title).toHaveAccessibleDescription(/10 of 300 characters left/);
  await title.fill("t".repeat(305));
  await expect(page.locator("#passage-title-count")).toContainText("5 too many");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Text", { exact: true }).fill("Fares rose 12 percent last year.");
  await expect(page.getByRole("button", { name: "Import passage" })).toBeDisabled();
  await page.getByLabel("Publisher").fill("p".repeat(201));
  await expect(page.locator("#passage-publisher-count")).toContainText("1 too many");
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Publisher").fill("Riverton Gazette");
  await title.fill("Transit fares");
  await expect(page.locator("#passage-title-count")).toHaveText(/^13 \/ 300/);
  await expect(page.getByRole("button", { name: "Import passage" })).toBeEnabled();

  await page.goto(`/w/${workspaceId}`);
  const searchBox = page.getByRole("combobox", { name: "Search this workspace" });
  await searchBox.fill("fares ".repeat(30).trim());
  await expect(searchBox).toHaveAccessibleDescription(/21 of 200 characters left/);
  await searchBox.fill("fares ".repeat(40).trim());
  await expect(searchBox).toHaveAttribute("aria-invalid", "true");
  await expect(searchBox).toHaveAccessibleDescription(/39 characters too many: the limit is 200/);
  await searchBox.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`));
  await expectNoSeriousAxeViolations(page);
});
