import type { Page } from "@playwright/test";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, signInViaApi, test } from "./fixtures";

const ARTICLE_HTML = `<!doctype html><html><head><title>Harbour report</title><script>window.pwned = true</script>
<style>p { color: red }</style></head><body><nav>Home | News</nav><article><h1>Harbour report</h1>
<p>The Port of Lindqvist handled 4.2 million containers in 2025, according to the harbour authority.</p>
<p>Mayor Ana Ferreira called the expansion the best decision in a generation.</p>
<p>Critics say the dredging cost closer to 900 million euros. <img src=x onerror="window.pwned = true"></p>
</article></body></html>`;

/** Drags the mouse across the first occurrence of `exact` in the passage text, as a person would. */
async function selectByMouse(page: Page, exact: string) {
  const box = await page.locator(".passage-text").evaluate((container, quote) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(quote) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return null;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, exact);
  if (!box) throw new Error(`"${exact}" is not in the passage text`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

test("a desk imports an article, marks and labels claims, adds evidence and verifies one; a concurrent edit shows the conflict", async ({
  page,
  user,
  browser,
  baseURL,
}) => {
  // The longest journey of the suite (nine axe runs, two browsers, re-verifying a reopened claim): it needs more than the default minute.
  test.setTimeout(120_000);
  await signInViaApi(page.request, user);
  // This page gets no live updates, like one whose connection dropped: the concurrent edit below
  // then reaches it only when it saves, as a conflict (team-live.spec.ts covers the live path).
  await page.route("**/api/v1/workspaces/*/events**", (route) => route.abort());
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Harbour desk");

  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByRole("heading", { name: "No passages yet" })).toBeVisible();
  await page.getByRole("link", { name: "Import your first passage" }).click();
  await expect(page.getByLabel("Upload a file")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "harbour.html", mimeType: "text/html", buffer: Buffer.from(ARTICLE_HTML) });
  await page.getByLabel("Publisher").fill("Lindqvist Courier");
  await page.getByRole("button", { name: "Import passage" }).click();

  await expect(page.getByRole("heading", { name: "Harbour report", level: 1 })).toBeVisible();
  const text = page.locator(".passage-text");
  await expect(text).toContainText("4.2 million containers");
  await expect(text).not.toContainText("window.pwned");
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  await expect(page.getByRole("heading", { name: "No claims yet" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const quotes = [
    "The Port of Lindqvist handled 4.2 million containers in 2025",
    "the best decision in a generation",
    "the dredging cost closer to 900 million euros",
  ];
  for (const quote of quotes) {
    await selectByMouse(page, quote);
    await page.getByRole("button", { name: /^Mark claim \(/ }).click();
    await expect(page.locator(".claim-quote")).toHaveText(quote);
    await page.getByRole("button", { name: "Close", exact: true }).click();
  }
  await expect(page.getByRole("heading", { name: "Claims (3)" })).toBeVisible();

  // Label by keyboard: j opens the next claim in text order, 1/2/3 label it.
  for (const key of ["1", "2", "3"]) {
    await page.keyboard.press("j");
    await page.keyboard.press(key);
    const name = { "1": "Factual", "2": "Opinion", "3": "Disputed" }[key];
    await expect(page.getByRole("button", { name: new RegExp(`^${name ?? ""}`) })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText(`Saved. Claim is ${name?.toLowerCase()}`)).toBeAttached();
  }

  // Evidence for the first claim, then take it to verified with `s` (draft → in review → verified).
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(page.locator(".claim-quote")).toHaveText(quotes[0] ?? "");
  await page.keyboard.press("e");
  await expect(page.getByLabel("Source URL")).toBeFocused();
  await page.getByLabel("Source URL").fill("https://harbour.example.org/annual-report-2025");
  await page.getByLabel("Title").fill("Annual report 2025");
  await page.getByRole("button", { name: "Add evidence" }).click();
  await expect(page.getByRole("link", { name: "Annual report 2025" })).toHaveAttribute("rel", "noopener noreferrer");
  // A factual claim needs a verdict to be verified: `v` goes to the verdict, picked from the desk's scale.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("v");
  const verdict = page.getByRole("combobox", { name: /^Verdict/ });
  await expect(verdict).toBeFocused();
  await verdict.selectOption({ label: "Mostly true" });
  await expect(page.getByText("Saved. Claim is factual, draft, verdict Mostly true.")).toBeAttached();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("s");
  await expect(page.locator(".claim-detail .state-chip")).toHaveText("In review");
  await page.keyboard.press("s");
  await expect(page.locator(".claim-detail .state-chip")).toHaveText("Verified");
  await expectNoSeriousAxeViolations(page);

  // Someone else changes the same claim from another browser; our next change meets the conflict view.
  const claimUrl = page.url();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInViaApi(otherPage.request, user);
  await otherPage.goto(claimUrl);
  await otherPage.getByLabel("Verdict note").fill("Matches table 3 of the annual report.");
  await otherPage.getByRole("button", { name: "Save verdict note" }).click();
  await expect(otherPage.getByText("Saved.", { exact: false })).toBeAttached();
  await other.close();

  await page.getByLabel("Statement").fill("The port handled 4.2 million containers in 2025.");
  await page.getByRole("button", { name: "Save statement" }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Someone else changed this claim" });
  await expect(conflict).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await conflict.getByRole("button", { name: "Re-apply my change" }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByLabel("Statement")).toHaveValue("The port handled 4.2 million containers in 2025.");
  await expect(page.getByLabel("Verdict note")).toHaveValue("Matches table 3 of the annual report.");
  // Changing a verified claim's content reopened it, so it is decided again.
  await expect(page.locator(".claim-detail .state-chip")).toHaveText("In review");
  await page.getByRole("button", { name: "Move to Verified" }).click();
  await expect(page.locator(".claim-detail .state-chip")).toHaveText("Verified");

  // The workspace claims table filters what was marked.
  await page.goto(`/w/${workspaceId}/claims`);
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByLabel("Review state").selectOption("verified");
  await expect(page).toHaveURL(/state=verified/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "The port handled 4.2 million containers in 2025." })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Bulk: select every claim and move them all to in review; each change is versioned on its own.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByLabel("Select all loaded claims").check();
  await page.getByLabel("Move to state").selectOption("in_review");
  await page.getByRole("button", { name: "Apply state" }).click();
  await expect(page.getByRole("status").filter({ hasText: "updated" })).toHaveText("3 updated.");
  await expect(page.getByRole("cell", { name: "In review" })).toHaveCount(3);
});
