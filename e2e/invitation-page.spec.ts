import type { APIRequestContext } from "@playwright/test";
import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, signInViaApi, signUpViaApi, test, viewportName } from "./fixtures";

/** A workspace of a new owner and an invitation link to it, made through the API in the owner's own context. */
async function invitationFrom(request: APIRequestContext, baseURL: string | undefined, workspaceName: string, role = "reviewer") {
  const owner = await signUpViaApi(request, "Olga Owner");
  await signInViaApi(request, owner);
  const workspaceId = await createWorkspaceViaApi(request, baseURL, workspaceName);
  const response = await request.post(`/api/v1/workspaces/${workspaceId}/invitations`, {
    data: { email: "guest@example.test", role },
    headers: { origin: baseURL ?? "" },
  });
  expect(response.status()).toBe(201);
  const { id, url } = (await response.json()) as { id: string; url: string };
  return { workspaceId, invitationId: id, path: new URL(url).pathname };
}

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`the invitation page at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

    test("a signed-out visitor sees who invites them to what, creates an account and comes back to accept", async ({ page, playwright, baseURL }) => {
      const ownerRequest = await playwright.request.newContext({ baseURL });
      const { workspaceId, path } = await invitationFrom(ownerRequest, baseURL, "Harbour desk");

      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { name: "Join “Harbour desk”" })).toBeVisible();
      await expect(page.getByText("Olga Owner invited you to join the ClaimDesk workspace Harbour desk as a reviewer.")).toBeVisible();
      // The token is the secret: the page names the workspace, the inviter and the role, not the invited address.
      await expect(page.getByText("guest@example.test")).toHaveCount(0);
      await expectNoSeriousAxeViolations(page);

      await page.getByRole("link", { name: "Create an account" }).click();
      await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Finvitations%2F/);
      await page.getByLabel("Name").fill("Nina Newcomer");
      await page.getByLabel("Email").fill(`nina-${Date.now()}@example.test`);
      await page.getByLabel("Password").fill("plum orchard lantern 42");
      await page.getByRole("button", { name: "Create account" }).click();

      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByText("Olga Owner invited you as a reviewer")).toBeVisible();
      await page.getByRole("button", { name: "Accept and join Harbour desk" }).click();
      await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`));
      await expect(page.getByText("Your role: Reviewer", { exact: true })).toBeVisible();
      await ownerRequest.dispose();
    });

    test("a signed-out visitor with an account signs in from the header of the invitation page and comes back to it", async ({ page, playwright, baseURL }) => {
      const ownerRequest = await playwright.request.newContext({ baseURL });
      const { path } = await invitationFrom(ownerRequest, baseURL, "Night desk", "editor");
      const guest = await signUpViaApi(page.request, "Gus Guest");

      await page.goto(path);
      await expect(page.getByText("as an editor.")).toBeVisible();
      // The header's own "Sign in" comes back to the invitation too, as the page's button does.
      const headerSignIn = page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" });
      await expect(headerSignIn).toHaveAttribute("href", (await page.getByRole("main").getByRole("link", { name: "Sign in" }).getAttribute("href")) ?? "");
      await headerSignIn.click();
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finvitations%2F/);
      await page.getByLabel("Email").fill(guest.email);
      await page.getByLabel("Password").fill(guest.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("button", { name: "Accept and join Night desk" })).toBeVisible();
      await ownerRequest.dispose();
    });
  });
}

test("a used or withdrawn invitation says so to a signed-out visitor, and an unknown link is not found", async ({ page, playwright, baseURL }) => {
  const ownerRequest = await playwright.request.newContext({ baseURL });
  const withdrawn = await invitationFrom(ownerRequest, baseURL, "Withdrawn desk");
  const revoked = await ownerRequest.delete(`/api/v1/workspaces/${withdrawn.workspaceId}/invitations/${withdrawn.invitationId}`, {
    headers: { origin: baseURL ?? "" },
  });
  expect(revoked.status()).toBe(204);
  await page.goto(withdrawn.path);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This invitation was withdrawn by an owner of the workspace.");
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // A new owner in a context of their own: sign-up is for signed-out callers.
  const secondOwnerRequest = await playwright.request.newContext({ baseURL });
  const used = await invitationFrom(secondOwnerRequest, baseURL, "Used desk");
  const guestRequest = await playwright.request.newContext({ baseURL });
  await signInViaApi(guestRequest, await signUpViaApi(guestRequest, "Quick Guest"));
  expect((await guestRequest.post(`/api/v1/invitations${used.path.slice("/invitations".length)}/accept`, { headers: { origin: baseURL ?? "" } })).status()).toBe(200);
  await page.goto(used.path);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This invitation has already been used");

  const unknown = await page.goto("/invitations/not-a-real-invitation-token");
  expect(unknown?.status()).toBe(404);
  await guestRequest.dispose();
  await secondOwnerRequest.dispose();
  await ownerRequest.dispose();
});
