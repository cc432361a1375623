import type { APIRequestContext } from "@playwright/test";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, signUpViaApi, test } from "./fixtures";

const TEXT = "The harbour handled 4.2 million containers in 2025. Critics say the dredging cost 900 million euros.";
const QUOTE = "The harbour handled 4.2 million containers in 2025.";

async function joinAsEditor(request: APIRequestContext, ownerRequest: APIRequestContext, baseURL: string | undefined, workspaceId: string) {
  const editor = await signUpViaApi(request, "Eve Editor");
  await signInViaApi(request, editor);
  const invitation = await ownerRequest.post(`/api/v1/workspaces/${workspaceId}/invitations`, { data: { email: editor.email, role: "editor" }, headers: { origin: baseURL ?? "" } });
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  expect((await request.post(`/api/v1/invitations/${token}/accept`, { headers: { origin: baseURL ?? "" } })).status()).toBe(200);
}

test("an owner edits the rating scale; an editor gives a claim a verdict from it and verifies; the table and ClaimReview show it", async ({ signedInPage: page, browser, baseURL }) => {
  const headers = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Verdict desk");

  // The owner adds a rating, is told plainly what clashes, fixes it, moves it, and retires another.
  await page.goto(`/w/${workspaceId}/settings`);
  const scale = page.getByRole("form", { name: "Rating scale" });
  await expect(scale.getByRole("group", { name: "1. True" })).toBeVisible();
  await expect(scale.getByRole("group")).toHaveCount(7);
  await expectNoSeriousAxeViolations(page);
  await scale.getByRole("button", { name: "Add a rating" }).click();
  const added = scale.locator("fieldset").last();
  await added.getByLabel("Name").fill("Satire");
  await expect(added.getByLabel("Key")).toHaveValue("satire");
  await added.getByLabel("Value").fill("3");
  await added.getByLabel("Description").fill("Not meant to be taken as fact.");
  await scale.getByRole("button", { name: "Save rating scale" }).click();
  await expect(added.getByText("Rating 3 already has the value 3")).toBeVisible();
  await expect(added.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  await expect(scale.getByRole("alert")).toHaveText("Check the highlighted fields.");
  await expectNoSeriousAxeViolations(page);
  await added.getByLabel("Value").fill("");
  await scale.getByRole("button", { name: "Move Satire up" }).click();
  await scale.getByRole("group", { name: "8. Unproven" }).getByLabel("Retired").check();
  await scale.getByRole("button", { name: "Save rating scale" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rating scale saved." })).toBeVisible();
  await expect(scale.getByRole("group", { name: "7. Satire" })).toBeVisible();
  await expect(scale.getByRole("group", { name: "8. Unproven (retired)" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // A factual claim in review with evidence, waiting for a verdict.
  const passage = (await (await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "Harbour report", text: TEXT } })).json()) as { id: string };
  let claim = (await (await page.request.post(`/api/v1/passages/${passage.id}/claims`, { headers, data: { exact: QUOTE, label: "factual" } })).json()) as { id: string; version: number };
  expect((await page.request.post(`/api/v1/claims/${claim.id}/evidence`, { headers, data: { stance: "refutes", url: "https://port.example.org/2025", title: "Port statistics 2025" } })).status()).toBe(201);
  claim = (await (await page.request.patch(`/api/v1/claims/${claim.id}`, { headers: { ...headers, "if-match": `"${claim.version}"` }, data: { state: "in_review" } })).json()) as typeof claim;

  const editorContext = await browser.newContext({ baseURL });
  await joinAsEditor(editorContext.request, page.request, baseURL, workspaceId);
  const editorPage = await editorContext.newPage();
  await gotoPassage(editorPage, `/w/${workspaceId}/passages/${passage.id}?claim=${claim.id}`);

  // Verifying without a verdict is refused with the rule.
  await editorPage.getByRole("button", { name: "Move to Verified" }).click();
  await expect(editorPage.getByRole("alert").filter({ hasText: "A factual claim needs a verdict before it can be verified" })).toBeVisible();

  const verdict = editorPage.getByRole("combobox", { name: /^Verdict/ });
  await expect(verdict.locator("option")).toHaveText(["No verdict yet", "True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Satire"]);
  await verdict.selectOption({ label: "Mostly false" });
  await expect(editorPage.locator("#claim-verdict-rating-hint")).toHaveText("The claim contains an element of truth but ignores facts that would give a different impression.");
  await expect(editorPage.getByText("Saved. Claim is factual, in review, verdict Mostly false.")).toBeAttached();
  await editorPage.getByRole("button", { name: "Move to Verified" }).click();
  await expect(editorPage.locator(".claim-detail .state-chip")).toHaveText("Verified");
  await expect(verdict).toHaveValue("mostly-false");
  await expectNoSeriousAxeViolations(editorPage);

  await editorPage.goto(`/w/${workspaceId}/claims`);
  const row = editorPage.getByRole("row").filter({ hasText: QUOTE });
  await expect(row.getByRole("cell", { name: "Mostly false" })).toBeVisible();
  await expectNoSeriousAxeViolations(editorPage);

  const exported = await editorContext.request.get(`/api/v1/workspaces/${workspaceId}/export?format=claimreview`);
  const document = (await exported.json()) as { "@graph": { reviewRating?: unknown }[] };
  expect(document["@graph"].map((node) => node.reviewRating)).toEqual([
    { "@type": "Rating", alternateName: "Mostly false", ratingValue: 2, bestRating: 5, worstRating: 1 },
  ]);
  await editorContext.close();
});
