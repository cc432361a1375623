import type { Page } from "@playwright/test";
import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, gotoPassage, test, viewportName } from "./fixtures";

// A long scraped-news-like page: forty checkable sentences, so the text scrolls and, with sixteen
// of them marked, the other ones are offered as suggestions.
const PLACES = [
  "Ashford", "Bexley", "Carlow", "Dunmore", "Elsworth", "Fenwick", "Glenrock", "Harlow", "Ingleby", "Jarrow",
  "Kelso", "Lanark", "Morpeth", "Newbury", "Oakham", "Penrith", "Quarry Bank", "Rydal", "Selby", "Thirsk",
  "Ulverston", "Ventnor", "Wetherby", "Yarm", "Alnwick", "Brigg", "Cromer", "Dorking", "Epping", "Frome",
  "Goole", "Hexham", "Ilkley", "Keswick", "Ledbury", "Malton", "Nantwich", "Otley", "Pickering", "Ripon",
];
const claimSentence = (index: number) => `${PLACES[index]} recorded ${1000 + index * 37} burglaries in 2024`;
const TEXT = PLACES.map(
  (place, index) => `${claimSentence(index)}, up ${index + 3} percent on the year before, according to the county police. Residents of ${place} said little had changed.`,
).join("\n\n");
const MARKED = 16;
const ROW_HEIGHT = 64;

async function setUpPassage(page: Page, baseURL: string | undefined): Promise<{ url: string; claimIds: string[] }> {
  const headers = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Burglary desk");
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "County burglary figures", text: TEXT } });
  expect(passage.status()).toBe(201);
  const { id: passageId } = (await passage.json()) as { id: string };
  const claimIds: string[] = [];
  for (let index = 0; index < MARKED; index++) {
    const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact: claimSentence(index) } });
    expect(claim.status()).toBe(201);
    claimIds.push(((await claim.json()) as { id: string }).id);
  }
  return { url: `/w/${workspaceId}/passages/${passageId}`, claimIds };
}

/** The viewport boxes of the lines `exact` covers in the passage text. */
async function quoteRects(page: Page, exact: string): Promise<{ left: number; top: number; right: number; bottom: number; height: number }[]> {
  const rects = await page.locator(".passage-text").evaluate((container, quote) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(quote) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      return [...range.getClientRects()].map(({ left, top, right, bottom, height }) => ({ left, top, right, bottom, height }));
    }
    return null;
  }, exact);
  if (!rects?.length) throw new Error(`"${exact}" is not in the passage text`);
  return rects;
}

/** Drags the mouse across `exact` in the passage text, as a person would. */
async function selectByMouse(page: Page, exact: string) {
  const rects = await quoteRects(page, exact);
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return;
  await page.mouse.move(first.left + 1, first.top + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.right - 1, last.top + last.height / 2, { steps: 8 });
  await page.mouse.up();
}

const pageScrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** Whether `exact` lies wholly in the part of the text pane one can see: inside it and below its sticky toolbar. */
async function isInTextPane(page: Page, exact: string): Promise<boolean> {
  const rects = await quoteRects(page, exact);
  const pane = await page.locator(".desk-text").evaluate((element) => {
    const box = element.getBoundingClientRect();
    const toolbar = element.querySelector(".mark-toolbar")?.getBoundingClientRect();
    return { top: Math.max(box.top, toolbar?.bottom ?? box.top), bottom: Math.min(box.bottom, window.innerHeight) };
  });
  return rects.every((rect) => rect.top >= pane.top - 1 && rect.bottom <= pane.bottom + 1);
}

for (const viewport of DESK_VIEWPORTS) {
  const size = viewportName(viewport);

  test.describe(`the passage desk at ${size}`, () => {
    test.use({ viewport });

    test("the claims list keeps room for several rows with suggestions shown, and a claim low in the list opens", async ({ signedInPage: page, baseURL }) => {
      // Three axe runs over a page with sixty suggestions and an open claim need more than the default minute.
      test.setTimeout(120_000);
      const { url } = await setUpPassage(page, baseURL);
      await gotoPassage(page, url);

      const suggestions = page.getByRole("region", { name: /^Suggestions/ });
      await expect(suggestions.getByRole("heading", { name: /^Suggestions \(\d+\)$/ })).toBeVisible();
      await expect(suggestions.locator(".suggestion-item").first()).toBeVisible();
      await expect(page.getByRole("heading", { name: `Claims (${MARKED})` })).toBeVisible();
      const list = page.getByRole("region", { name: `Claims in this passage (${MARKED})` });
      expect((await list.boundingBox())?.height ?? 0).toBeGreaterThan(3 * ROW_HEIGHT);
      expect((await page.getByRole("tabpanel", { name: /Suggestions/ }).boundingBox())?.height ?? 0).toBeGreaterThan(2 * ROW_HEIGHT);
      // The desk fits the window: the page itself does not scroll, the text and the panel do.
      expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
      await expectNoSeriousAxeViolations(page);

      const last = claimSentence(MARKED - 1);
      await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await list.getByRole("button", { name: new RegExp(`^${last}`) }).click();
      await expect(page.locator(".claim-quote")).toHaveText(last);
      // With a claim open the list keeps its room and the claim is shown below it.
      expect((await list.boundingBox())?.height ?? 0).toBeGreaterThan(3 * ROW_HEIGHT);
      await expect(page.getByRole("heading", { name: "Claim", exact: true })).toBeInViewport();
      await expect(list.getByRole("button", { name: new RegExp(`^${last}`) })).toHaveAttribute("aria-current", "true");

      // The splitter gives the list more room by keyboard; it never takes all of it.
      const splitter = page.getByRole("separator", { name: "Resize the claims list" });
      await splitter.focus();
      await page.keyboard.press("End");
      await expect(splitter).toHaveAttribute("aria-valuenow", "75");
      expect((await page.getByRole("tabpanel", { name: /claim/i }).boundingBox())?.height ?? 0).toBeGreaterThan(ROW_HEIGHT);
      await page.keyboard.press("Home");
      await expect(splitter).toHaveAttribute("aria-valuenow", "25");
      expect((await list.boundingBox())?.height ?? 0).toBeGreaterThan(ROW_HEIGHT);

      // The browser remembers where the splitter was left, and keeps a remembered position in range.
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await expect(splitter).toHaveAttribute("aria-valuenow", "35");
      await gotoPassage(page, page.url());
      await expect(splitter).toHaveAttribute("aria-valuenow", "35");
      await page.evaluate(() => window.localStorage.setItem("claimdesk-desk:v1:claims-share", "95"));
      await gotoPassage(page, page.url());
      await expect(splitter).toHaveAttribute("aria-valuenow", "75");
      expect((await page.getByRole("tabpanel", { name: /claim/i }).boundingBox())?.height ?? 0).toBeGreaterThan(ROW_HEIGHT);

      // Suggestions stay one click away while the claim is open.
      await page.getByRole("tab", { name: /^Suggestions/ }).click();
      await expect(suggestions.locator(".suggestion-item").first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      await page.getByRole("tab", { name: /claim/i }).click();
      await expect(page.locator(".claim-quote")).toHaveText(last);
      await expectNoSeriousAxeViolations(page);
    });

    test("marking a claim half-way down keeps the text where it was and opens the claim beside it", async ({ signedInPage: page, baseURL }) => {
      const { url } = await setUpPassage(page, baseURL);
      await gotoPassage(page, url);
      const text = page.locator(".desk-text");
      await text.evaluate((element) => element.scrollTo({ top: (element.scrollHeight - element.clientHeight) / 2 }));
      // A sentence in the middle of what is on screen, past the marked ones.
      const target = await text.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const middle = box.top + box.height / 2;
        const line = [...element.querySelectorAll(".passage-text p")].find((p) => {
          const rect = p.getBoundingClientRect();
          return rect.top >= middle - 120 && rect.bottom <= box.bottom;
        });
        return line?.textContent?.split(",")[0] ?? null;
      });
      expect(target).not.toBeNull();
      const quote = target ?? "";
      expect(PLACES.slice(MARKED).some((place) => quote.startsWith(place))).toBe(true);
      const before = await text.evaluate((element) => element.scrollTop);
      expect(before).toBeGreaterThan(200);

      await selectByMouse(page, quote);
      await page.getByRole("button", { name: /^Mark claim \(/ }).click();
      await expect(page.locator(".claim-quote")).toHaveText(quote);
      await expect(page.getByRole("heading", { name: `Claims (${MARKED + 1})` })).toBeVisible();

      expect(Math.abs((await text.evaluate((element) => element.scrollTop)) - before)).toBeLessThanOrEqual(2);
      expect(await pageScrollY(page)).toBe(0);
      await expect(page.locator(".passage-text p").filter({ hasText: quote })).toBeInViewport();
      await expect(page.getByRole("heading", { name: "Claim", exact: true })).toBeInViewport();
      await expect(page.getByRole("region", { name: `Claims in this passage (${MARKED + 1})` }).getByRole("button", { name: new RegExp(`^${quote}`) })).toBeInViewport();
    });

    test("an unsaved verdict note and statement survive j/k and a reload, until saved or discarded", async ({ signedInPage: page, baseURL }) => {
      const { url } = await setUpPassage(page, baseURL);
      await gotoPassage(page, url);
      await expect(page.getByRole("heading", { name: `Claims (${MARKED})` })).toBeVisible();
      await page.keyboard.press("j");
      await expect(page.locator(".claim-quote")).toHaveText(claimSentence(0));
      await page.getByLabel("Verdict note").fill("Police figures match the county report.");
      await page.getByLabel("Statement").fill("Ashford had 1000 burglaries in 2024.");

      await page.locator("body").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("j");
      await expect(page.locator(".claim-quote")).toHaveText(claimSentence(1));
      await expect(page.getByLabel("Verdict note")).toHaveValue("");
      await page.keyboard.press("k");
      await expect(page.locator(".claim-quote")).toHaveText(claimSentence(0));
      await expect(page.getByLabel("Verdict note")).toHaveValue("Police figures match the county report.");
      await expect(page.getByLabel("Statement")).toHaveValue("Ashford had 1000 burglaries in 2024.");
      await expect(page.getByText("Draft restored: your unsaved verdict note")).toBeVisible();

      await gotoPassage(page, page.url());
      await expect(page.getByLabel("Verdict note")).toHaveValue("Police figures match the county report.");
      await expect(page.getByLabel("Statement")).toHaveValue("Ashford had 1000 burglaries in 2024.");
      await expectNoSeriousAxeViolations(page);

      // Discarding the statement's draft brings back the saved statement, for good.
      await page.getByRole("button", { name: "Discard draft of the statement" }).click();
      await expect(page.getByLabel("Statement")).toHaveValue(claimSentence(0));
      // Saving the verdict note ends its draft.
      await page.getByRole("button", { name: "Save verdict note" }).click();
      await expect(page.getByText("Saved. Claim is")).toBeAttached();
      await gotoPassage(page, page.url());
      await expect(page.getByLabel("Verdict note")).toHaveValue("Police figures match the county report.");
      await expect(page.getByLabel("Statement")).toHaveValue(claimSentence(0));
      await expect(page.getByText("Draft restored")).toHaveCount(0);

      // Signing out leaves none of this person's drafts behind in the browser.
      const storedDrafts = () => page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("claimdesk-draft:")).length);
      await page.getByLabel("Verdict note").fill("A note nobody saved.");
      await expect.poll(storedDrafts).toBe(1);
      await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
      expect(await storedDrafts()).toBe(0);
    });

    test("fields show their limit as you type and refuse to save past it", async ({ signedInPage: page, baseURL }) => {
      const { url } = await setUpPassage(page, baseURL);
      await gotoPassage(page, url);
      await expect(page.getByRole("heading", { name: `Claims (${MARKED})` })).toBeVisible();
      await page.keyboard.press("j");
      const statement = page.getByLabel("Statement");
      await statement.fill("a".repeat(4980));
      await expect(page.locator("#claim-statement-count")).toHaveText(/^4\s980 \/ 5\s000/);
      await expect(statement).toHaveAccessibleDescription(/20 of 5\s000 characters left/);
      await expect(page.getByRole("button", { name: "Save statement" })).toBeEnabled();

      await statement.fill("a".repeat(5020));
      await expect(page.locator("#claim-statement-count")).toContainText("20 too many");
      await expect(statement).toHaveAttribute("aria-invalid", "true");
      await expect(statement).toHaveAccessibleDescription(/20 characters too many: the limit is 5\s000/);
      await expect(page.getByRole("button", { name: "Save statement" })).toBeDisabled();
      await expectNoSeriousAxeViolations(page);

      // The same counter on the evidence form and the comment box.
      await page.getByLabel("Title").fill("t".repeat(501));
      await expect(page.locator("#evidence-title-count")).toContainText("1 too many");
      await expect(page.getByRole("button", { name: "Add evidence" })).toBeDisabled();
      await page.getByLabel("Title").fill("County police annual report");
      await expect(page.getByRole("button", { name: "Add evidence" })).toBeEnabled();
      const comment = page.getByLabel("Add a comment");
      await comment.fill("c".repeat(5001));
      await expect(comment).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("button", { name: "Post comment" })).toBeDisabled();
    });
  });
}

test("j and k bring each claim they open into the visible part of the text pane, smoothly or at once", async ({ signedInPage: page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { url } = await setUpPassage(page, baseURL);
  await gotoPassage(page, url);
  await expect(page.getByRole("heading", { name: `Claims (${MARKED})` })).toBeVisible();
  const lastClaim = claimSentence(MARKED - 1);
  expect(await isInTextPane(page, lastClaim)).toBe(false);

  for (let index = 0; index < MARKED; index++) {
    await page.keyboard.press("j");
    await expect(page.locator(".claim-quote")).toHaveText(claimSentence(index));
    await expect.poll(() => isInTextPane(page, claimSentence(index))).toBe(true);
  }
  expect(await page.locator(".desk-text").evaluate((pane) => pane.scrollTop)).toBeGreaterThan(200);
  expect(await pageScrollY(page)).toBe(0);

  // With reduced motion the text jumps instead of gliding, and still shows each claim opened.
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (let index = MARKED - 2; index >= 0; index--) {
    await page.keyboard.press("k");
    await expect(page.locator(".claim-quote")).toHaveText(claimSentence(index));
    await expect.poll(() => isInTextPane(page, claimSentence(index))).toBe(true);
  }
  expect(await isInTextPane(page, lastClaim)).toBe(false);
});

test("the desk works from 1024 px wide and stacks on a phone", async ({ signedInPage: page, baseURL }) => {
  const { url } = await setUpPassage(page, baseURL);
  const list = page.getByRole("region", { name: `Claims in this passage (${MARKED})` });

  await page.setViewportSize({ width: 1024, height: 768 });
  await gotoPassage(page, url);
  await expect(page.getByRole("heading", { name: `Claims (${MARKED})` })).toBeVisible();
  const text = await page.locator(".desk-text").boundingBox();
  const panel = await page.getByRole("complementary", { name: "Claims panel" }).boundingBox();
  expect(panel && text && panel.x >= text.x + text.width).toBe(true);
  expect((await list.boundingBox())?.height ?? 0).toBeGreaterThan(3 * ROW_HEIGHT);
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);

  await page.setViewportSize({ width: 390, height: 844 });
  const phoneText = await page.locator(".desk-text").boundingBox();
  const phonePanel = await page.getByRole("complementary", { name: "Claims panel" }).boundingBox();
  expect(phonePanel && phoneText && phonePanel.y >= phoneText.y + phoneText.height).toBe(true);
  expect((await list.boundingBox())?.height ?? 0).toBeGreaterThan(3 * ROW_HEIGHT);
  await list.scrollIntoViewIfNeeded();
  await list.getByRole("button", { name: new RegExp(`^${claimSentence(2)}`) }).click();
  await expect(page.locator(".claim-quote")).toHaveText(claimSentence(2));
});
