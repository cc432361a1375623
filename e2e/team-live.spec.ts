import type { APIRequestContext } from "@playwright/test";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, signUpViaApi, test } from "./fixtures";

const TEXT = "The bridge cost 40 million euros. Critics called it a vanity project.";

/** A new workspace with the bridge passage and one claim on `quote`, made through the API as the signed-in page's user. */
async function deskWithClaim(request: APIRequestContext, baseURL: string | undefined, name: string, quote: string) {
  const workspaceId = await createWorkspaceViaApi(request, baseURL, name);
  const created = await request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: baseURL ?? "" }, data: { title: "Bridge", text: TEXT } });
  const { id: passageId } = (await created.json()) as { id: string };
  const claim = await request.post(`/api/v1/passages/${passageId}/claims`, { headers: { origin: baseURL ?? "" }, data: { exact: quote } });
  const { id: claimId } = (await claim.json()) as { id: string };
  return { workspaceId, passageId, claimId };
}

/** Invites a new account with a role and has it accept, as a colleague would from the link. */
async function joinAs(request: APIRequestContext, ownerRequest: APIRequestContext, baseURL: string | undefined, workspaceId: string, role: string, name: string) {
  const colleague = await signUpViaApi(request, name);
  await signInViaApi(request, colleague);
  const invitation = await ownerRequest.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
    data: { email: colleague.email, role },
    headers: { origin: baseURL ?? "" },
  });
  expect(invitation.status()).toBe(201);
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  expect((await request.post(`/api/v1/invitations/${token}/accept`, { headers: { origin: baseURL ?? "" } })).status()).toBe(200);
  return colleague;
}

test("a reviewer's label and comment reach the owner's open passage within two seconds, with who is viewing", async ({ signedInPage: page, user, browser, baseURL }) => {
  const { workspaceId, passageId, claimId } = await deskWithClaim(page.request, baseURL, "Live desk", "The bridge cost 40 million euros.");

  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  const reviewerContext = await browser.newContext({ baseURL });
  const reviewerPage = await reviewerContext.newPage();
  await joinAs(reviewerPage.request, page.request, baseURL, workspaceId, "reviewer", "Rita Reviewer");
  await gotoPassage(reviewerPage, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  await expect(page.getByText("Also viewing: Rita Reviewer")).toBeVisible({ timeout: 2000 });
  await expect(reviewerPage.getByText(`Also viewing: ${user.name}`)).toBeVisible();

  await reviewerPage.getByRole("button", { name: /^Factual/ }).click();
  const ownerItem = page.getByRole("button", { name: /^The bridge cost 40 million euros\./ });
  await expect(ownerItem.locator(".label-chip")).toHaveText(/Factual/, { timeout: 2000 });

  await reviewerPage.getByLabel("Add a comment").fill(`@${user.name} the figure is from the tender documents.`);
  await reviewerPage.getByRole("button", { name: "Post comment" }).click();
  await ownerItem.click();
  await expect(page.locator(".comment-body").filter({ hasText: "the figure is from the tender documents" })).toBeVisible({ timeout: 2000 });
  await expect(page.getByRole("link", { name: /Notifications \(1 unread\)/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await reviewerContext.close();
  await expect(page.getByText("Also viewing: Rita Reviewer")).toHaveCount(0);
});

test("a viewer sees no editing controls on a passage, and the API refuses their edits with 403", async ({ signedInPage: page, browser, baseURL }) => {
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Viewer desk");
  const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers: { origin: baseURL ?? "" }, data: { title: "Bridge", text: TEXT } });
  const { id: passageId } = (await created.json()) as { id: string };
  const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers: { origin: baseURL ?? "" }, data: { exact: "The bridge cost 40 million euros." } });
  const { id: claimId } = (await claim.json()) as { id: string };

  const viewerContext = await browser.newContext({ baseURL });
  const viewerPage = await viewerContext.newPage();
  await joinAs(viewerPage.request, page.request, baseURL, workspaceId, "viewer", "Vera Viewer");
  await gotoPassage(viewerPage, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  await expect(viewerPage.getByText("Your role can read but not mark claims.")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /^Factual/ })).toBeDisabled();
  await expect(viewerPage.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Delete claim" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Assign" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(viewerPage);

  const patched = await viewerPage.request.patch(`/api/v1/claims/${claimId}`, { headers: { origin: baseURL ?? "", "if-match": '"1"' }, data: { label: "opinion" } });
  expect(patched.status()).toBe(403);
  const commented = await viewerPage.request.post(`/api/v1/claims/${claimId}/comments`, { headers: { origin: baseURL ?? "" }, data: { body: "hi" } });
  expect(commented.status()).toBe(403);
  await viewerContext.close();
});

test("a live change never wipes text being typed: the editor is told and chooses", async ({ signedInPage: page, browser, baseURL }) => {
  const { workspaceId, passageId, claimId } = await deskWithClaim(page.request, baseURL, "Draft desk", "The bridge cost 40 million euros.");
  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await page.getByLabel("Statement").fill("The bridge cost 40 million euros in 2024.");

  const editorContext = await browser.newContext({ baseURL });
  await joinAs(editorContext.request, page.request, baseURL, workspaceId, "editor", "Eddie Editor");
  const patched = await editorContext.request.patch(`/api/v1/claims/${claimId}`, {
    headers: { origin: baseURL ?? "", "if-match": '"1"' },
    data: { statement: "The bridge cost about 40 million euros." },
  });
  expect(patched.status()).toBe(200);

  const warning = page.getByRole("alert").filter({ hasText: "Someone else changed the statement while you were editing it" });
  await expect(warning).toContainText("The bridge cost about 40 million euros.", { timeout: 2000 });
  await expect(page.getByLabel("Statement")).toHaveValue("The bridge cost 40 million euros in 2024.");
  await expectNoSeriousAxeViolations(page);
  await warning.getByRole("button", { name: "Keep editing mine" }).click();
  await page.getByRole("button", { name: "Save statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeAttached();
  await expect(page.getByRole("button", { name: "Save statement" })).toHaveCount(0);
  const saved = (await (await page.request.get(`/api/v1/claims/${claimId}`)).json()) as { statement: string; version: number };
  expect(saved).toMatchObject({ statement: "The bridge cost 40 million euros in 2024.", version: 3 });
  await editorContext.close();
});

test("a claim deleted by someone else while it is open says so, instead of closing without a word", async ({ signedInPage: page, baseURL }) => {
  const { workspaceId, passageId, claimId } = await deskWithClaim(page.request, baseURL, "Deleting desk", "Critics called it a vanity project.");

  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  await expect(page.locator(".claim-quote")).toHaveText("Critics called it a vanity project.");
  // Someone else deletes it (here the same account, from another tab): the live update reaches this page.
  expect((await page.request.delete(`/api/v1/claims/${claimId}`, { headers: { origin: baseURL ?? "" } })).status()).toBe(204);
  const notice = page.getByRole("status").filter({ hasText: "This claim is not in this passage any more" });
  await expect(notice).toBeVisible({ timeout: 5000 });
  await expectNoSeriousAxeViolations(page);
  await notice.getByRole("button", { name: "Close" }).click();
  await expect(notice).toHaveCount(0);
});
