import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, test } from "./fixtures";

test("an editor deletes a claim and undoes it; the deleted claim answers 410 meanwhile", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const headers = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Deletion desk");
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers,
    data: { title: "Budget", text: "The budget grew by 4 percent. It is the best budget ever." },
  });
  const { id: passageId } = (await passage.json()) as { id: string };
  const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact: "The budget grew by 4 percent." } });
  const { id: claimId } = (await claim.json()) as { id: string };

  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete claim" }).click();
  await expect(page.getByRole("heading", { name: "No claims yet" })).toBeVisible();
  expect((await page.request.get(`/api/v1/claims/${claimId}`)).status()).toBe(410);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("heading", { name: "Claims (1)" })).toBeVisible();
  expect((await page.request.get(`/api/v1/claims/${claimId}`)).status()).toBe(200);
});

test("evidence can be a span of another passage, picked by selecting text there", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const headers = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Span desk");
  const create = async (title: string, text: string) => {
    const response = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title, text } });
    return ((await response.json()) as { id: string }).id;
  };
  const claimed = await create("Speech", "The minister said exports doubled last year.");
  await create("Statistics release", "Exports rose by 8 percent in 2025, the statistics office reports.");
  const claim = await page.request.post(`/api/v1/passages/${claimed}/claims`, { headers, data: { exact: "exports doubled last year" } });
  const { id: claimId } = (await claim.json()) as { id: string };

  await gotoPassage(page, `/w/${workspaceId}/passages/${claimed}?claim=${claimId}`);
  await page.getByLabel("Another passage").check();
  await page.getByLabel("Passage", { exact: true }).selectOption({ label: "Statistics release" });
  const source = page.getByRole("document", { name: /Text of Statistics release/ });
  await expect(source).toContainText("Exports rose by 8 percent");
  await source.evaluate((element) => {
    const node = element.querySelector("p")?.firstChild;
    if (!node) throw new Error("no text");
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, "Exports rose by 8 percent in 2025".length);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await expect(page.getByText("Selected: “Exports rose by 8 percent in 2025”")).toBeVisible();
  await page.getByLabel("Stance").selectOption("refutes");
  await page.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.locator(".evidence-list")).toContainText("Exports rose by 8 percent in 2025");
  await expect(page.locator(".evidence-list")).toContainText("Refutes");
});

test("an editor deletes a passage and restores it from Recently deleted", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Restore desk");
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers: { origin: baseURL ?? "" },
    data: { title: "Council minutes", text: "The council met on Tuesday." },
  });
  const { id: passageId } = (await passage.json()) as { id: string };

  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete passage" }).click();
  await expect(page.getByRole("heading", { name: "No passages yet" })).toBeVisible();

  await page.getByRole("link", { name: "Recently deleted" }).click();
  await expect(page.getByText("Council minutes")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Restore passage: Council minutes" }).click();
  await expect(page.getByRole("heading", { name: "Nothing deleted recently" })).toBeVisible();
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByRole("link", { name: /Council minutes/ })).toBeVisible();
});

test("a keyboard user selects a claim with Shift+arrows and marks it with Enter", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Keyboard desk");
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers: { origin: baseURL ?? "" },
    data: { title: "Short", text: "Rents rose 9 percent in 2025." },
  });
  const { id: passageId } = (await passage.json()) as { id: string };
  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);
  await page.getByRole("document", { name: /Passage text/ }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await expect(page.getByRole("button", { name: "Mark claim (20 characters)" })).toBeEnabled();
  await page.keyboard.press("Enter");
  await expect(page.locator(".claim-quote")).toHaveText("Rents rose 9 percent");
  await page.keyboard.press("3");
  await expect(page.getByRole("button", { name: /^Disputed/ })).toHaveAttribute("aria-pressed", "true");

  // Clicking a highlight opens its claim; `?` lists the shortcuts.
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.locator(".claim-quote")).toHaveCount(0);
  await page.getByText("Rents rose 9 percent in 2025.").click({ position: { x: 10, y: 8 } });
  await expect(page.locator(".claim-quote")).toHaveText("Rents rose 9 percent");
  await page.locator("body").press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // Behind the open dialog no shortcut acts: "1" does not relabel the claim, and Escape closes the dialog, not the claim.
  await page.keyboard.press("1");
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await expect(page.locator(".claim-quote")).toHaveText("Rents rose 9 percent");
  await expect(page.getByRole("button", { name: /^Disputed/ })).toHaveAttribute("aria-pressed", "true");
});
