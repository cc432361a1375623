import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, test } from "./fixtures";

// The API answers precise messages ("body.name: Workspace names are at most 100 characters"); forms
// show plain words next to the field they concern, and their alert no longer repeats the raw text.

test("a too-long workspace name is refused in plain words next to the name field", async ({ signedInPage: page }) => {
  await page.goto("/workspaces");
  const name = page.getByLabel("Workspace name");
  // The field's maxlength stops typing at the limit; without it (an older page, a paste into a
  // field without one) the server's refusal is what the person reads.
  await name.evaluate((input) => input.removeAttribute("maxlength"));
  await name.fill("Elections desk ".repeat(7));
  await page.getByRole("button", { name: "Create workspace" }).click();

  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/Use at most 100 characters\./);
  await expect(page.getByText("Use at most 100 characters.")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Invalid request body");
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
