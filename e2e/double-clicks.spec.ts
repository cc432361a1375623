import type { Locator, Page } from "@playwright/test";
import { createWorkspaceViaApi, expect, gotoPassage, test } from "./fixtures";

const TEXT = "The harbour handled 4.2 million containers in 2025. Critics say the dredging cost 900 million euros.";
const QUOTE = "The harbour handled 4.2 million containers in 2025.";

/** Two clicks in one task, before the page can re-render: the fastest double click there is. */
async function clickTwiceAtOnce(button: Locator) {
  await expect(button).toBeEnabled();
  await button.evaluate((element: HTMLElement) => {
    element.click();
    element.click();
  });
}

async function selectText(page: Page, start: number, end: number) {
  await page.locator(".passage-text").evaluate(
    (container, span) => {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      let offset = 0;
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset <= span.start && span.start <= offset + length) range.setStart(node, span.start - offset);
        if (offset <= span.end && span.end <= offset + length) {
          range.setEnd(node, span.end - offset);
          break;
        }
        offset += length;
      }
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    { start, end },
  );
}

test("double-clicking Mark claim, Add evidence and Post comment creates one of each", async ({ signedInPage: page, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Double-click desk");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    data: { title: "Harbour", text: TEXT },
    headers: { origin: baseURL ?? "" },
  });
  expect(created.status()).toBe(201);
  const passageId = ((await created.json()) as { id: string }).id;
  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);

  await selectText(page, 0, QUOTE.length);
  await clickTwiceAtOnce(page.getByRole("button", { name: /^Mark claim \(/ }));
  await expect(page.locator(".claim-quote")).toHaveText(QUOTE);
  const claims = (await (await page.request.get(`/api/v1/passages/${passageId}/claims?all=true`)).json()) as { items: { id: string }[] };
  expect(claims.items).toHaveLength(1);
  await expect(page.getByRole("heading", { name: "Claims (1)" })).toBeVisible();
  const claimId = claims.items[0]?.id ?? "";

  await page.getByLabel("Source URL").fill("https://harbour.example.org/annual-report-2025");
  await page.getByLabel("Title").fill("Annual report 2025");
  await clickTwiceAtOnce(page.getByRole("button", { name: "Add evidence" }));
  await expect(page.getByRole("link", { name: "Annual report 2025" })).toHaveCount(1);
  await expect(page.locator(".evidence-form [role=alert]")).toHaveCount(0);
  const claim = (await (await page.request.get(`/api/v1/claims/${claimId}`)).json()) as { evidence: unknown[] };
  expect(claim.evidence).toHaveLength(1);

  await page.getByLabel("Add a comment").fill("Which table of the report?");
  await clickTwiceAtOnce(page.getByRole("button", { name: "Post comment" }));
  await expect(page.locator(".comment-list li")).toHaveCount(1);
  const comments = (await (await page.request.get(`/api/v1/claims/${claimId}/comments`)).json()) as { items: unknown[] };
  expect(comments.items).toHaveLength(1);
});
