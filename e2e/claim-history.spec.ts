import { createWorkspaceViaApi, DESK_VIEWPORTS, expect, expectNoSeriousAxeViolations, gotoPassage, test, viewportName } from "./fixtures";

// Each journey at both desk sizes the issue was reported at.
for (const viewport of DESK_VIEWPORTS) {
  test.describe(`claim history at ${viewportName(viewport)}`, () => {
    test.use({ viewport });

    test("a claim's history reads as sentences, with the exact time on hover", async ({ signedInPage: page, user, baseURL }) => {
      const headers = { origin: baseURL ?? "" };
      const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "History desk");
      const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, { headers, data: { title: "Transit", text: "Fares rose 12 percent last year." } });
      const { id: passageId } = (await passage.json()) as { id: string };
      const created = await page.request.post(`/api/v1/passages/${passageId}/claims`, { headers, data: { exact: "Fares rose 12 percent", label: "factual" } });
      expect(created.status()).toBe(201);
      const claim = (await created.json()) as { id: string; version: number };
      const relabelled = await page.request.patch(`/api/v1/claims/${claim.id}`, { headers: { ...headers, "if-match": `"${claim.version}"` }, data: { label: "opinion" } });
      expect(relabelled.status()).toBe(200);
      const linked = await page.request.post(`/api/v1/claims/${claim.id}/evidence`, {
        headers,
        data: { stance: "supports", url: "https://www.stats.example.org/fares-2026" },
      });
      expect(linked.status()).toBe(201);
      const submitted = await page.request.patch(`/api/v1/claims/${claim.id}`, { headers: { ...headers, "if-match": `"${claim.version + 1}"` }, data: { state: "in_review" } });
      expect(submitted.status()).toBe(200);

      await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claim.id}`);
      await page.getByText("History", { exact: true }).click();
      const history = page.locator(".history-list");
      await expect(history.getByRole("listitem")).toHaveText([
        new RegExp(`^${user.name} created this claim`),
        new RegExp(`^${user.name} changed the label from Factual to Opinion`),
        new RegExp(`^${user.name} linked supporting evidence: stats\\.example\\.org`),
        new RegExp(`^${user.name} moved this to In review`),
      ]);
      await expect(history.locator("time").first()).toHaveAttribute("title", /\d/);
      await expect(history).not.toContainText("evidence.linked");
      await expectNoSeriousAxeViolations(page);
    });
  });
}
