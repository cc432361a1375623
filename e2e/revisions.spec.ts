import type { APIRequestContext, Page } from "@playwright/test";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, test } from "./fixtures";

const OLD =
  "Harbour traffic opened the year strong. Unemployment fell to 5.1 percent in October. The deficit was cut in half last year.\n\n" +
  "Taxes rose by 3 percent. Exports grew by 12 percent in spring. Critics say the plan will fail.";
// The figure and the exports are corrected, the deficit sentence is gone, the taxes paragraph moves up.
const NEW =
  "Harbour traffic opened the year strong. Unemployment fell to 5.3 percent in October.\n\n" +
  "Taxes rose by 3 percent. Exports grew by 14 percent in spring. Critics say the plan will fail.";

const CLAIMS = {
  harbour: "Harbour traffic opened the year strong.",
  unemployment: "Unemployment fell to 5.1 percent in October.",
  deficit: "The deficit was cut in half last year.",
  taxes: "Taxes rose by 3 percent.",
  exports: "Exports grew by 12 percent in spring.",
} as const;

async function createPassageWithClaims(request: APIRequestContext, baseURL: string | undefined, workspaceId: string) {
  const headers = { origin: baseURL ?? "" };
  const created = await request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "Harbour economy", text: OLD } });
  expect(created.status()).toBe(201);
  const passageId = ((await created.json()) as { id: string }).id;
  const ids = {} as Record<keyof typeof CLAIMS, string>;
  // One at a time, so the queue's oldest-first order is the order here.
  for (const [name, exact] of Object.entries(CLAIMS) as [keyof typeof CLAIMS, string][]) {
    const response = await request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact, label: "factual" } });
    expect(response.status()).toBe(201);
    ids[name] = ((await response.json()) as { id: string }).id;
  }
  return { passageId, ids };
}

async function selectWords(page: Page, selector: string, words: string) {
  await page.locator(selector).evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, words);
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1366, height: 900 },
]) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`an editor revises a passage, reads its history and diff, and settles every claim that needs a person at ${size}`, async ({ page, browser, user, baseURL }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await signInViaApi(page.request, user);
    const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Revisions desk");
    const { passageId, ids } = await createPassageWithClaims(page.request, baseURL, workspaceId);
    const passageUrl = `/w/${workspaceId}/passages/${passageId}`;

    // A second browser has the passage open, with an unsaved statement being typed.
    const other = await browser.newContext({ baseURL, viewport });
    const otherPage = await other.newPage();
    await signInViaApi(otherPage.request, user);
    await gotoPassage(otherPage, `${passageUrl}?claim=${ids.harbour}`);
    await expect(otherPage.getByText("Revision 1 of 1")).toBeVisible();
    await otherPage.getByLabel("Statement").fill("Harbour traffic was strong in January.");

    await gotoPassage(page, passageUrl);
    await expect(page.getByText("Revision 1 of 1")).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Revise the text: the counts of how the claims followed.
    await page.getByRole("button", { name: "Revise text" }).click();
    const revise = page.getByRole("dialog", { name: "Revise the text" });
    await expect(revise.getByLabel("Text of revision 2")).toBeFocused();
    await revise.getByLabel("Text of revision 2").fill(NEW);
    await revise.getByLabel("Note (optional)").fill("Corrected the figures");
    await expectNoSeriousAxeViolations(page);
    await revise.getByRole("button", { name: "Save revision 2" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Revision 2 saved" });
    await expect(saved).toHaveText(/Claims: 1 exact, 1 moved, 2 changed, 1 orphaned\./);
    await expect(saved).toBeFocused();
    await expect(page.getByText("Revision 2 of 2")).toBeVisible();
    await expect(page.locator(".passage-text")).toContainText("5.3 percent");
    // The claims that need a person say so; the orphan is listed apart.
    await expect(page.locator(".claim-list .anchor-chip", { hasText: "Text changed" })).toHaveCount(2);
    const orphans = page.getByRole("region", { name: "Orphaned claims (1)" });
    await expect(orphans).toContainText(CLAIMS.deficit);
    await page.locator(".claim-list").getByRole("button", { name: /Unemployment fell/ }).click();
    await expect(page.getByRole("note").filter({ hasText: "Its words changed" })).toContainText(`it was on “${CLAIMS.unemployment}”`);
    await expectNoSeriousAxeViolations(page);

    // The other browser moved to the new revision live, and kept what was being typed.
    await expect(otherPage.getByText("Revision 2 of 2")).toBeVisible();
    await expect(otherPage.locator(".passage-text")).toContainText("5.3 percent");
    await expect(otherPage.getByLabel("Statement")).toHaveValue("Harbour traffic was strong in January.");
    await other.close();

    // History: both revisions, the old one read-only, and the diff with claims on both sides.
    await page.getByRole("button", { name: "Revision history" }).click();
    const history = page.getByRole("dialog", { name: "Revision history" });
    await expect(history.getByRole("row")).toHaveCount(3);
    await expect(history.getByRole("row", { name: /^2 \(current\)/ })).toContainText("Corrected the figures");
    await history.getByRole("button", { name: "Read revision 1" }).click();
    await expect(history.getByRole("heading", { name: "Reading revision 1 of 2 (read-only)" })).toBeVisible();
    await expect(history.getByRole("region", { name: "Text of revision 1" })).toContainText(CLAIMS.deficit);
    await expect(history.locator(".diff-old del").first()).toBeVisible();
    await expect(history.locator(".diff-old del", { hasText: "12" })).toHaveCount(1);
    await expect(history.locator(".diff-new ins", { hasText: "14" })).toHaveCount(1);
    await expect(history.locator(".diff-old del", { hasText: "deficit" }).first()).toBeVisible();
    // Claims on both sides: old quotes on the old text, current targets on the new one, the orphan only on the old.
    const drawn = async (side: "old" | "new", claimId: string) => (await history.locator(`.diff-${side} mark[data-claim-ids~="${claimId}"]`).allTextContents()).join("");
    expect(await drawn("old", ids.unemployment)).toBe(CLAIMS.unemployment);
    expect(await drawn("new", ids.unemployment)).toBe("Unemployment fell to 5.3 percent in October.");
    expect(await drawn("old", ids.deficit)).toBe(CLAIMS.deficit);
    expect(await drawn("new", ids.deficit)).toBe("");
    expect(await drawn("old", ids.taxes)).toBe(CLAIMS.taxes);
    expect(await drawn("new", ids.taxes)).toBe(CLAIMS.taxes);
    await expectNoSeriousAxeViolations(page);
    await history.getByRole("button", { name: "Close" }).click();

    // The queue, from the workspace's navigation.
    await page.goto(`/w/${workspaceId}`);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Anchors to check" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Anchors to check" })).toBeVisible();
    const queue = page.getByRole("navigation", { name: "Claims to check" }).getByRole("listitem");
    await expect(queue).toHaveCount(3);
    await expect(page.getByRole("heading", { name: /^Claim 1 of 3:/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Before/ })).toContainText(CLAIMS.unemployment);
    await expect(page.getByRole("region", { name: /^Now/ })).toContainText("Unemployment fell to 5.3 percent in October.");
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("j");
    await expect(page.getByRole("heading", { name: /^Claim 2 of 3:/ })).toBeVisible();
    await page.keyboard.press("k");
    await expect(page.getByRole("heading", { name: /^Claim 1 of 3:/ })).toBeVisible();

    // Enter confirms the corrected figure; o leaves the deleted sentence orphaned.
    await page.keyboard.press("Enter");
    await expect(queue).toHaveCount(2);
    await expect(page.getByRole("region", { name: /^Before/ })).toContainText(CLAIMS.deficit);
    await page.keyboard.press("o");
    await expect(queue).toHaveCount(1);
    // r places the exports claim on the words selected in the current text.
    await expect(page.getByRole("region", { name: /^Now/ })).toContainText("Exports grew by 14 percent in spring.");
    await selectWords(page, ".anchor-queue .revision-text", "Exports grew by 14 percent");
    await page.keyboard.press("r");
    await expect(page.getByRole("heading", { name: "Every claim is on its words" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    const placed = (await (await page.request.get(`/api/v1/claims/${ids.exports}`)).json()) as { target: { quote: { exact: string } }; anchor: { needsReview: boolean } };
    expect(placed.target.quote.exact).toBe("Exports grew by 14 percent");
    expect(placed.anchor.needsReview).toBe(false);
    const orphan = (await (await page.request.get(`/api/v1/claims/${ids.deficit}`)).json()) as { anchor: { status: string; needsReview: boolean } };
    expect(orphan.anchor).toMatchObject({ status: "orphaned", needsReview: false });
  });
}

test("importing a passage from an address already in the workspace offers to add it as its next revision", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Revision imports");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers: { origin: baseURL ?? "" },
    data: { title: "Harbour economy", text: OLD, sourceUrl: "https://news.example/harbour" },
  });
  expect(created.status()).toBe(201);
  const passageId = ((await created.json()) as { id: string }).id;

  await page.goto(`/w/${workspaceId}/passages/new`);
  await page.getByLabel("Text", { exact: true }).fill(NEW);
  await page.getByLabel("Source URL").fill("https://news.example/harbour");
  await page.getByRole("button", { name: "Import passage" }).click();
  const offer = page.getByRole("alert").filter({ hasText: "was imported from this address already" });
  await expect(offer).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await offer.getByRole("button", { name: "Add as revision 2 of “Harbour economy”" }).click();
  await expect(page).toHaveURL(new RegExp(`/passages/${passageId}$`));
  await expect(page.getByText("Revision 2 of 2")).toBeVisible();
  await expect(page.locator(".passage-text")).toContainText("5.3 percent");
  await expectNoSeriousAxeViolations(page);
});
