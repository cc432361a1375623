import type { APIRequestContext, Page } from "@playwright/test";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, test } from "./fixtures";

// Three paragraphs of the same words first, so crops of their claims differ only by how each label is painted.
const REPEATED = "Harbour tonnage rose again this year.";
const NUMBERED = Array.from({ length: 40 }, (_, index) => {
  const n = index + 4;
  return `Paragraph ${n} opens with fact number ${n}. The second sentence of paragraph ${n} says the harbour moved ${n} thousand tonnes.`;
});
const PARAGRAPHS = [REPEATED, REPEATED, REPEATED, ...NUMBERED];
const TEXT = PARAGRAPHS.join("\n\n");
const LABELS = ["factual", "opinion", "disputed"] as const;

async function createPassage(request: APIRequestContext, baseURL: string | undefined, workspaceId: string): Promise<string> {
  const response = await request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers: { origin: baseURL ?? "" },
    data: { title: "Harbour year in review", text: TEXT },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The offset of paragraph `index` (0-based) in TEXT. */
function paragraphStart(index: number): number {
  return PARAGRAPHS.slice(0, index).reduce((sum, paragraph) => sum + paragraph.length + 2, 0);
}

async function tabUntilFocused(page: Page, selector: string) {
  for (let presses = 0; presses < 40; presses++) {
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

// Each journey at both desk sizes the issue was reported at.
for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1366, height: 900 },
]) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`a claim in the middle of a long passage is marked, labelled, evidenced and decided with the keyboard alone at ${size}`, async ({ page, user, baseURL }) => {
    // Sixty-odd key presses, each answered by the page, and a build-sized machine shared with other runs.
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await signInViaApi(page.request, user);
    const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Keyboard marking desk");
    const passageId = await createPassage(page.request, baseURL, workspaceId);
    await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);

    // Tab into the text: the painted caret shows where keys will act.
    await tabUntilFocused(page, ".passage-text");
    await expect(page.locator(".passage-caret")).toBeVisible();

    // Ctrl+↓ walks paragraph ends down to paragraph 20; Alt+↑ goes back to its sentence's start; "." selects it.
    for (let i = 0; i < 20; i++) await page.keyboard.press("Control+ArrowDown");
    await page.keyboard.press("Alt+ArrowUp");
    await page.keyboard.press(".");
    const sentence = "The second sentence of paragraph 20 says the harbour moved 20 thousand tonnes.";
    await expect(page.getByRole("button", { name: `Mark claim (${sentence.length} characters)` })).toBeEnabled();
    await expect(page.locator(".passage-caret")).toBeInViewport();

    // Shift+arrows select from the caret, not from the text's start: a word back, a character back, and forward again.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Control+ArrowLeft");
    await expect(page.getByRole("button", { name: "Mark claim (7 characters)" })).toBeEnabled();
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await expect(page.getByRole("button", { name: "Mark claim (6 characters)" })).toBeEnabled();
    // ↑ then ↓ lands back on the same line; Home and End stay on it.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Shift+Home");
    await expect(page.getByRole("button", { name: /^Mark claim \(\d+ characters\)$/ })).toBeEnabled();
    await page.keyboard.press("End");
    await expect(page.getByRole("button", { name: "Mark claim", exact: true })).toBeDisabled();

    // Back to the sentence and mark it with Enter.
    await page.keyboard.press("(");
    await page.keyboard.press(".");
    await expect(page.getByRole("button", { name: `Mark claim (${sentence.length} characters)` })).toBeEnabled();
    await page.keyboard.press("Enter");
    await expect(page.locator(".claim-quote")).toHaveText(sentence);

    // Label, evidence and decision by the page's keys.
    await page.keyboard.press("1");
    await expect(page.getByText("Saved. Claim is factual")).toBeAttached();
    await page.keyboard.press("e");
    await expect(page.getByLabel("Source URL")).toBeFocused();
    await page.keyboard.type("https://harbour.example.org/tonnage-2025");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Title")).toBeFocused();
    await page.keyboard.type("Tonnage report 2025");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: "Tonnage report 2025" })).toBeVisible();
    if (await page.evaluate(() => document.activeElement?.matches("input, textarea, select") ?? false)) await page.keyboard.press("Tab");
    // A factual claim needs a verdict to be verified: `v` goes to it on the scale.
    await page.keyboard.press("v");
    await expect(page.getByRole("combobox", { name: /^Verdict/ })).toBeFocused();
    await page.getByRole("combobox", { name: /^Verdict/ }).selectOption({ label: "True" });
    await expect(page.getByText("verdict True.")).toBeAttached();
    await page.keyboard.press("Tab");
    await page.keyboard.press("s");
    await expect(page.locator(".claim-detail .state-chip")).toHaveText("In review");
    await page.keyboard.press("s");
    await expect(page.locator(".claim-detail .state-chip")).toHaveText("Verified");

    // The marked claim is a named button in the claims list for assistive technology.
    const anchors = page.getByRole("list", { name: "Claims in the text, in reading order" });
    await expect(anchors.getByRole("button")).toHaveText([/^Claim 1 of 1: factual, verified: The second sentence of paragraph 20 says the…$/]);
    await expectNoSeriousAxeViolations(page);
  });

  test(`a screen reader lists and reaches every claim in reading order; labels differ in greyscale; axe is clean with suggestions and a claim open, at ${size}`, async ({
    page,
    user,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await signInViaApi(page.request, user);
    const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Screen reader desk");
    const passageId = await createPassage(page.request, baseURL, workspaceId);
    // Sixteen claims, created out of text order: the three same-worded paragraphs, then first sentences further down.
    const spans = [
      ...[20, 4, 9, 31, 12, 25, 6, 38, 15, 28, 17, 35, 22].map((paragraph, index) => {
        const start = paragraphStart(paragraph);
        return { start, end: start + (PARAGRAPHS[paragraph]?.indexOf(".") ?? 0) + 1, label: LABELS[index % 3] };
      }),
      ...LABELS.map((label, index) => ({ start: paragraphStart(index), end: paragraphStart(index) + REPEATED.length, label })),
    ];
    for (const span of spans) {
      const response = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers: { origin: baseURL ?? "" }, data: span });
      expect(response.status()).toBe(201);
    }
    await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);

    const inTextOrder = [...spans].sort((a, b) => a.start - b.start);
    const expectedNames = inTextOrder.map((span, index) => {
      const words = TEXT.slice(span.start, span.end).split(" ");
      const shown = words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : words.join(" ");
      return `Claim ${index + 1} of 16: ${span.label}, draft: ${shown}`;
    });
    const anchors = page.getByRole("list", { name: "Claims in the text, in reading order" }).getByRole("button");
    await expect(anchors).toHaveText(expectedNames);

    // Tab from the text reaches each claim in turn; a focused one is shown by its span.
    await tabUntilFocused(page, ".passage-text");
    for (const name of expectedNames) {
      await page.keyboard.press("Tab");
      const focused = page.getByRole("button", { name, exact: true });
      await expect(focused).toBeFocused();
      await expect(focused).toBeInViewport();
      expect((await focused.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    }
    // Enter opens the focused claim.
    await page.keyboard.press("Enter");
    await expect(page.locator(".claim-quote")).toHaveText(TEXT.slice(inTextOrder[15]?.start, inTextOrder[15]?.end));

    // The caret entering a claim announces it.
    await page.getByRole("document", { name: /Passage text/ }).focus();
    await page.keyboard.press("Control+Home");
    await expect(page.locator(".passage-text-wrapper p[aria-live='polite']")).toHaveText(expectedNames[0] ?? "");
    await expect(page.locator(".passage-caret")).toHaveAttribute("data-label", "factual, draft");
    await page.keyboard.press("Control+ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(".passage-text-wrapper p[aria-live='polite']")).toHaveText(expectedNames[1] ?? "");

    // Axe with a claim open, then with the suggestions tab shown beside it.
    await expect(page.locator(".claim-quote")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("tab", { name: /^Suggestions/ }).click();
    await expect(page.getByRole("heading", { name: /^Suggestions/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("document", { name: /Passage text/ }).focus();

    // In greyscale the three labels still look different: crops of the same words under each label.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(page.locator(".claim-quote")).toHaveCount(0);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.addStyleTag({ content: "html { filter: grayscale(1); } .passage-caret { display: none; }" });
    const patterns = await page.locator(".passage-line").first().evaluate((line) =>
      ["factual", "opinion", "disputed", "none"].map((label) => getComputedStyle(line, `::highlight(claim-${label})`).textDecorationStyle),
    );
    expect(new Set(patterns).size).toBe(4);
    const boxes = await page.locator(".passage-text").evaluate((container) =>
      Array.from(container.querySelectorAll<HTMLElement>("[data-start]"))
        .slice(0, 3)
        .map((line) => {
          const range = document.createRange();
          range.selectNodeContents(line);
          const rect = range.getClientRects()[0];
          return rect ? { x: rect.left, y: rect.top, width: rect.width, height: rect.height + 4 } : null;
        }),
    );
    async function expectCropsToDiffer() {
      const crops = [];
      for (const box of boxes) {
        if (!box) throw new Error("A repeated paragraph has no box");
        crops.push(await page.screenshot({ clip: box, animations: "disabled" }));
      }
      const [factual, opinion, disputed] = crops.map((crop) => crop.toString("base64"));
      expect(new Set([factual, opinion, disputed]).size).toBe(3);
    }
    await expectCropsToDiffer();
    // And by the line pattern alone: with one background and one line colour for all three, they still differ.
    await page.addStyleTag({
      content: "::highlight(claim-factual), ::highlight(claim-opinion), ::highlight(claim-disputed) { background-color: #eee; text-decoration-color: #000; }",
    });
    await expectCropsToDiffer();
  });
}
