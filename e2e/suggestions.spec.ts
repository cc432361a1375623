import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, test, viewportName } from "./fixtures";

const ARTICLE = [
  "NEWS | SPORT | OPINION",
  "Riverton council approves budget",
  "Riverton City Council approved a £48.6 million budget on Tuesday, by seven votes to four. The plan raises council tax by 4.99 percent.",
  "Advertisement",
  "The depot has stood empty since 2019, according to council records. Frankly, the council should have sold it years ago.",
  "Riverton council approves budget",
].join("\n\n");

// A checkable sentence whose decade the scraper dropped ("built in the s"): still worth suggesting, with a warning.
const GARBLED = "The Riverton depot, built in the s, cost the council £4.2 million in repairs in 2023, according to council records.";
const CLEAN = "Riverton City Council approved a £48.6 million budget on Tuesday, by seven votes to four.";

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`suggestions at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

    test("a reviewer imports a text and accepts two suggestions by keyboard; they become draft claims", async ({ page, user, baseURL }) => {
      await signInViaApi(page.request, user);
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Suggestions desk");

      await page.goto(`/w/${workspaceId}/passages/new`);
      await page.getByLabel("Text", { exact: true }).fill(ARTICLE);
      await page.getByLabel("Title").fill("Riverton budget");
      await page.getByRole("button", { name: "Import passage" }).click();
      await expect(page.getByRole("heading", { name: "Riverton budget", level: 1 })).toBeVisible();
      await gotoPassage(page, page.url());

      // Suggested right after import: the three checkable sentences and, last, the stated opinion
      // labelled as one; not the menu, headline or advert.
      const suggestions = page.getByRole("region", { name: /^Suggestions/ });
      await expect(suggestions.getByRole("heading", { name: "Suggestions (4)" })).toBeVisible();
      const items = suggestions.locator(".suggestion-item");
      await expect(items).toHaveCount(4);
      await expect(items.last()).toContainText("Frankly, the council should have sold it years ago.");
      await expect(items.last().locator(".label-chip")).toHaveText("opinion");
      await expect(suggestions).not.toContainText("Advertisement");
      await expect(suggestions).toContainText("score");
      await expectNoSeriousAxeViolations(page);

      // Enter accepts the focused suggestion and moves the focus to the next one.
      await items.first().focus();
      await page.keyboard.press("Enter");
      await expect(suggestions.getByRole("heading", { name: "Suggestions (3)" })).toBeVisible();
      await expect(items.first()).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(suggestions.getByRole("heading", { name: "Suggestions (2)" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Claims (2)" })).toBeVisible();

      // x dismisses the other two; they stay gone after a reload.
      await expect(items.first()).toBeFocused();
      await page.keyboard.press("x");
      await expect(suggestions.getByRole("heading", { name: "Suggestions (1)" })).toBeVisible();
      await expect(items.first()).toBeFocused();
      await page.keyboard.press("x");
      await expect(suggestions.getByRole("heading", { name: "Suggestions (0)" })).toBeVisible();
      await gotoPassage(page, page.url());
      await expect(page.getByRole("heading", { name: "Claims (2)" })).toBeVisible();
      await expect(page.getByRole("region", { name: /^Suggestions/ }).getByRole("heading", { name: "Suggestions (0)" })).toBeVisible();

      // The existing shortcuts still work on the accepted drafts.
      await page.keyboard.press("j");
      await expect(page.locator(".claim-quote")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(page.locator(".claim-quote")).toHaveCount(0);
    });

    test("a garbled sentence is still suggested, with a warning to check the original that a screen reader reads with it", async ({ page, user, baseURL }) => {
      await signInViaApi(page.request, user);
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Garbled text desk");
      const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
        headers: { origin: baseURL ?? "" },
        data: { title: "Riverton depot", text: `${CLEAN} ${GARBLED}` },
      });
      expect(created.status()).toBe(201);
      const { id: passageId } = (await created.json()) as { id: string };
      await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);

      const suggestions = page.getByRole("region", { name: /^Suggestions/ });
      await expect(suggestions.getByRole("heading", { name: "Suggestions (2)" })).toBeVisible();
      const garbled = suggestions.locator(".suggestion-item").filter({ hasText: GARBLED });
      const warning = garbled.locator(".suggestion-warning");
      await expect(warning).toBeVisible();
      await expect(warning).toHaveText("⚠ Garbled text: number or words missing (…depot, built in the s, cost the…). Check the original source before marking it.");
      // The warning is part of what a screen reader says for the suggestion; the sign before it is not.
      await expect(garbled).toHaveAccessibleName(/^The Riverton depot, built in the s, .*Garbled text: number or words missing \(…depot, built in the s, cost the…\)\. Check the original source before marking it\.$/);
      await expect(garbled).not.toHaveAccessibleName(/⚠/);
      // Its score is lowered, so it comes after the clean sentence, but stays above the panel's threshold.
      await expect(suggestions.locator(".suggestion-item").first()).toContainText(CLEAN);
      await expect(suggestions.locator(".suggestion-item").first().locator(".suggestion-warning")).toHaveCount(0);
      const score = Number((await garbled.getByText(/^score /).textContent())?.replace("score ", ""));
      expect(score).toBeGreaterThanOrEqual(0.3);
      expect(score).toBeLessThan(0.6);
      await expectNoSeriousAxeViolations(page);
    });

    test("HTML source pasted into the text box is read like an uploaded page: its text, not its tags", async ({ page, user, baseURL }) => {
      await signInViaApi(page.request, user);
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Pasted HTML desk");
      await page.goto(`/w/${workspaceId}/passages/new`);
      await page.getByLabel("Text", { exact: true }).fill("<html><body><h1>Ferry report</h1><p>The ferry carried 1,200 passengers in May.</p><script>alert(1)</script></body></html>");
      await page.getByLabel("Title").fill("Ferry report");
      await page.getByRole("button", { name: "Import passage" }).click();
      await expect(page.getByRole("heading", { name: "Ferry report", level: 1 })).toBeVisible();
      const text = page.getByRole("document", { name: /Passage text/ });
      await expect(text).toContainText("The ferry carried 1,200 passengers in May.");
      await expect(text).not.toContainText("<p>");
      await expect(text).not.toContainText("alert(1)");
    });
  });
}
