import type { APIRequestContext } from "@playwright/test";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, signInViaApi, signUpViaApi, test } from "./fixtures";

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

  await page.getByRole("link", { name: "Agreement statistics" }).click();
  // Two of three agree; marginals give p_e = 1/3, so κ = (2/3 − 1/3) / (2/3) = 0.5.
  await expect(page.getByText(/Cohen.s kappa 0\.500 over 3 claims/)).toBeVisible();
  await expect(page.getByRole("table", { name: /Confusion matrix/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
