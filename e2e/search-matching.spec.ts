import type { APIRequestContext } from "@playwright/test";
import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, signInViaApi, test, viewportName } from "./fixtures";

type Created = { id: string; version: number };

/** JSON mutations as the signed-in browser makes them (same-origin). */
function api(request: APIRequestContext, baseURL: string | undefined) {
  const headers = { origin: baseURL ?? "" };
  return {
    post: async (path: string, data: unknown) => {
      const response = await request.post(path, { data, headers });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as Created;
    },
    patch: async (path: string, data: unknown, version: number) => {
      const response = await request.patch(path, { data, headers: { ...headers, "if-match": `"${version}"` } });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as Created;
    },
  };
}

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`search and matching at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

    test("a similar claim shows the verified match with its label and state, and once marked joins it in the duplicates view; `/` and the arrow keys open a search result", async ({ page, user, baseURL }) => {
      await signInViaApi(page.request, user);
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Jobs desk");
      const { post, patch } = api(page.request, baseURL);

      const first = await post(`/api/v1/workspaces/${workspaceId}/passages`, {
        title: "October jobs report",
        text: "Unemployment fell to 5.1 percent in October. The statistics office published the figures on Friday.",
      });
      let verified = await post(`/api/v1/passages/${first.id}/claims`, { exact: "Unemployment fell to 5.1 percent in October.", label: "factual" });
      await post(`/api/v1/claims/${verified.id}/evidence`, { stance: "supports", url: "https://stats.example.org/october", title: "October release" });
      verified = await patch(`/api/v1/claims/${verified.id}`, { state: "in_review" }, verified.version);
      verified = await patch(`/api/v1/claims/${verified.id}`, { state: "verified", verdict: "true", verdictNote: "Matches the official release." }, verified.version);

      const second = await post(`/api/v1/workspaces/${workspaceId}/passages`, {
        title: "Evening news transcript",
        text: "The anchor said unemployment fell to 5.1 percent in October, a record low.",
      });
      const similar = await post(`/api/v1/passages/${second.id}/claims`, { exact: "unemployment fell to 5.1 percent in October" });

      await page.goto(`/w/${workspaceId}/passages/${second.id}?claim=${similar.id}`);
      const matches = page.getByRole("region", { name: /Similar claims/ });
      await expect(matches.getByRole("link", { name: "Unemployment fell to 5.1 percent in October." })).toBeVisible();
      await expect(matches.getByText("Factual")).toBeVisible();
      await expect(matches.getByText("Verified")).toBeVisible();
      await expect(matches.getByText("Verdict note: Matches the official release.")).toBeVisible();
      await expectNoSeriousAxeViolations(page);

      await matches.getByRole("button", { name: /^Use its evidence: / }).click();
      await expect(page.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
      await matches.getByRole("button", { name: /Mark as duplicate/ }).click();
      await expect(matches.getByText("This claim is its duplicate")).toBeVisible();

      await page.goto(`/w/${workspaceId}`);
      await page.getByRole("link", { name: "Duplicates", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Duplicate claims", level: 1 })).toBeVisible();
      const group = page.getByRole("listitem").filter({ hasText: "2 claims" });
      await expect(group.getByRole("link", { name: "Unemployment fell to 5.1 percent in October.", exact: true })).toBeVisible();
      await expect(group.getByRole("link", { name: "unemployment fell to 5.1 percent in October", exact: true })).toBeVisible();
      await expect(group.getByText("Marked as a duplicate")).toBeVisible();
      await expectNoSeriousAxeViolations(page);

      await page.goto(`/w/${workspaceId}`);
      const searchBox = page.getByRole("combobox", { name: "Search this workspace" });
      await expect(page.getByRole("search").filter({ has: searchBox })).toHaveAttribute("data-keys-listening", "true");
      await page.locator("body").press("/");
      await expect(searchBox).toBeFocused();
      await searchBox.pressSequentially("statistics office");
      const results = page.getByRole("listbox", { name: "Search results" });
      await expect(results.getByRole("option").first()).toContainText("October jobs report");
      await expect(results.locator("mark").first()).toHaveText(/statistics/i);
      await expectNoSeriousAxeViolations(page);
      await searchBox.press("ArrowDown");
      await expect(results.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
      await searchBox.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/passages/${first.id}`));
      await expect(page.getByRole("heading", { name: "October jobs report", level: 1 })).toBeVisible();
    });

    test("search forgives a misspelled name and finds claims by the web address of their evidence", async ({ page, user, baseURL }) => {
      await signInViaApi(page.request, user);
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Spelling desk");
      const call = api(page.request, baseURL);
      const passage = await call.post(`/api/v1/workspaces/${workspaceId}/passages`, {
        title: "Pakistan profile",
        text: "Pervez Musharraf resigned as president in 2008. The UN counted 2.4 million refugees that year.",
      });
      await call.post(`/api/v1/passages/${passage.id}/claims`, { exact: "Pervez Musharraf resigned as president in 2008." });
      const refugees = await call.post(`/api/v1/passages/${passage.id}/claims`, { exact: "The UN counted 2.4 million refugees that year." });
      await call.post(`/api/v1/claims/${refugees.id}/evidence`, { url: "https://www.un.org/en/refugees/2008-report", stance: "supports" });

      await page.goto(`/w/${workspaceId}`);
      const searchBox = page.getByRole("combobox", { name: "Search this workspace" });
      const results = page.getByRole("listbox", { name: "Search results" });
      await searchBox.fill("Musharaf");
      await expect(results.getByRole("option").filter({ hasText: "Pervez Musharraf resigned as president in 2008." }).first()).toBeVisible();
      await searchBox.fill("un.org");
      await expect(results.getByRole("option").filter({ hasText: "The UN counted 2.4 million refugees that year." }).first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });
  });
}
