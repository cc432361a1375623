import type { APIRequestContext } from "@playwright/test";
import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, signUpViaApi, test, viewportName } from "./fixtures";

const TEXT = "Fares rose 12 percent. Ridership fell by a third. The mayor called the plan a triumph.";

async function joinAsReviewer(request: APIRequestContext, ownerRequest: APIRequestContext, baseURL: string | undefined, workspaceId: string, name: string) {
  const reviewer = await signUpViaApi(request, name);
  await signInViaApi(request, reviewer);
  const invitation = await ownerRequest.post(`/api/v1/workspaces/${workspaceId}/invitations`, { data: { email: reviewer.email, role: "reviewer" }, headers: { origin: baseURL ?? "" } });
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  expect((await request.post(`/api/v1/invitations/${token}/accept`, { headers: { origin: baseURL ?? "" } })).status()).toBe(200);
}

test("with blind double review on, an owner compares two reviewers' labels, sets the final one and reads their agreement", async ({ signedInPage: page, browser, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Blind desk");
  await page.goto(`/w/${workspaceId}/settings`);
  await page.getByLabel("Blind double review").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: baseURL ?? "" }, data: { title: "Transit", text: TEXT } });
  const { id: passageId } = (await passage.json()) as { id: string };
  const claimIds: string[] = [];
  for (const exact of ["Fares rose 12 percent.", "Ridership fell by a third.", "The mayor called the plan a triumph."]) {
    const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers: { origin: baseURL ?? "" }, data: { exact } });
    claimIds.push(((await claim.json()) as { id: string }).id);
  }

  const votes: Record<string, string[]> = { "Ann Able": ["factual", "factual", "opinion"], "Ben Baker": ["factual", "disputed", "opinion"] };
  for (const [name, labels] of Object.entries(votes)) {
    const context = await browser.newContext({ baseURL });
    await joinAsReviewer(context.request, page.request, baseURL, workspaceId, name);
    for (const [i, label] of labels.entries()) {
      const response = await context.request.put(`/api/v1/claims/${claimIds[i]}/blind-label`, { headers: { origin: baseURL ?? "" }, data: { label } });
      expect(response.status()).toBe(200);
      expect(((await response.json()) as { labels: unknown }).labels).toBeNull();
    }
    await context.close();
  }

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("link", { name: "Blind review" }).click();
  const disagreement = page.getByRole("listitem").filter({ hasText: "Reviewers disagree" });
  await expect(disagreement).toHaveCount(1);
  await expect(disagreement).toContainText("Ridership fell by a third.");
  await expect(disagreement.getByRole("list", { name: "Independent labels" })).toContainText("Ann Able");
  await expect(disagreement.getByRole("list", { name: "Independent labels" })).toContainText("Disputed");
  await expectNoSeriousAxeViolations(page);
  await disagreement.getByRole("button", { name: /Disputed/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Ridership fell by a third." }).getByRole("button", { name: /Disputed/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("listitem").filter({ hasText: "Ridership fell by a third." })).toContainText(/Resolved: final label Disputed, set by \S/);
  await expect(page.getByRole("listitem").filter({ hasText: "Reviewers disagree" })).toHaveCount(0);

  await page.getByRole("link", { name: "Agreement statistics" }).click();
  // Two of three agree; marginals give p_e = 1/3, so κ = (2/3 − 1/3) / (2/3) = 0.5.
  await expect(page.getByText(/Cohen.s kappa 0\.500 over 3 claims/)).toBeVisible();
  await expect(page.getByRole("table", { name: /Confusion matrix/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

// The reviewer's journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test(`a reviewer in a blind workspace votes with the keys, sees no one else's label, and is offered no vote on a verified claim at ${viewportName(viewport)}`, async ({ signedInPage: page, browser, baseURL }) => {
    const headers = { origin: baseURL ?? "" };
    const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Blind keys");
    expect((await page.request.patch(`/api/v1/workspaces/${workspaceId}`, { headers, data: { isBlindReview: true } })).status()).toBe(200);
    const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "Transit", text: TEXT } });
    const { id: passageId } = (await passage.json()) as { id: string };
    const open = (await (await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact: "Fares rose 12 percent." } })).json()) as { id: string };
    let verified = (await (await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact: "The mayor called the plan a triumph.", label: "opinion" } })).json()) as {
      id: string;
      version: number;
    };
    for (const state of ["in_review", "verified"]) {
      const response = await page.request.patch(`/api/v1/claims/${verified.id}`, { headers: { ...headers, "if-match": `"${verified.version}"` }, data: { state } });
      expect(response.status()).toBe(200);
      verified = (await response.json()) as typeof verified;
    }

    const other = await browser.newContext({ baseURL });
    await joinAsReviewer(other.request, page.request, baseURL, workspaceId, "Ben Baker");
    expect((await other.request.put(`/api/v1/claims/${open.id}/blind-label`, { headers, data: { label: "factual" } })).status()).toBe(200);
    await other.close();

    const context = await browser.newContext({ baseURL, viewport });
    await joinAsReviewer(context.request, page.request, baseURL, workspaceId, "Ann Able");
    const reviewerPage = await context.newPage();
    await gotoPassage(reviewerPage, `/w/${workspaceId}/passages/${passageId}`);
    const openRow = reviewerPage.locator(".claim-list-item").filter({ hasText: "Fares rose 12 percent." });
    await expect(openRow).toHaveClass(/label-none/);
    await expect(openRow).not.toContainText("Factual");
    await expect(reviewerPage.locator(".claim-list-item.label-factual")).toHaveCount(0);

    await openRow.click();
    await expect(reviewerPage.getByText("Your vote: none yet")).toBeVisible();
    await reviewerPage.keyboard.press("2");
    await expect(reviewerPage.locator(".claim-detail").getByText("Your vote: opinion")).toBeVisible();
    await expect(reviewerPage.locator(".passage-layout").getByRole("alert")).toHaveCount(0);
    await expect(reviewerPage.getByText(/your label is an independent vote/)).toHaveCount(0);
    const votes = (await (await context.request.get(`/api/v1/claims/${open.id}/blind-label`)).json()) as { myLabel: string; labels: unknown };
    expect(votes).toMatchObject({ myLabel: "opinion", labels: null });
    await expectNoSeriousAxeViolations(reviewerPage);

    await gotoPassage(reviewerPage, `/w/${workspaceId}/passages/${passageId}?claim=${verified.id}`);
    await expect(reviewerPage.getByText("This claim is verified, so it takes no more votes")).toBeVisible();
    await expect(reviewerPage.locator(".claim-detail .label-button")).toHaveCount(0);
    await expectNoSeriousAxeViolations(reviewerPage);
    await context.close();
  });
}
