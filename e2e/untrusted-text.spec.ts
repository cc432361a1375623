import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, signInViaApi, test } from "./fixtures";

const PAYLOADS = ['<script>window.pwned = "script"</script>', '<img src=x onerror="window.pwned = \'img\'">', '<a href="javascript:window.pwned=1">click</a>'];

test("text a user typed or imported is shown as text, never run as HTML", async ({ page, user, baseURL }) => {
  await signInViaApi(page.request, user);
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, PAYLOADS[1] ?? "");
  const headers = { origin: baseURL ?? "" };
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    headers,
    // Kept as typed (textFormat text): this passage is markup, and must come back as text, never as HTML.
    data: { title: PAYLOADS[0], text: `Opening line.\n${PAYLOADS.join("\n")}\nClosing line.`, textFormat: "text" },
  });
  expect(passage.status()).toBe(201);
  const { id: passageId } = (await passage.json()) as { id: string };
  const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, {
    headers,
    data: { exact: PAYLOADS[1], statement: PAYLOADS[2] },
  });
  expect(claim.status()).toBe(201);
  const { id: claimId } = (await claim.json()) as { id: string };
  const evidence = await page.request.post(`/api/v1/claims/${claimId}/evidence`, {
    headers,
    data: { stance: "context", url: "https://example.org/source", title: PAYLOADS[0] },
  });
  expect(evidence.status()).toBe(201);

  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAYLOADS[0] ?? "");
  for (const payload of PAYLOADS) await expect(page.locator(".passage-text")).toContainText(payload);
  await expect(page.getByLabel("Statement")).toHaveValue(PAYLOADS[2] ?? "");
  await expect(page.getByRole("link", { name: PAYLOADS[0] })).toHaveAttribute("href", "https://example.org/source");
  await expect(page.locator(".passage-text img, .passage-text script, main img")).toHaveCount(0);
  await page.goto(`/w/${workspaceId}/claims`);
  await expect(page.getByRole("link", { name: PAYLOADS[2] })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  await expectNoSeriousAxeViolations(page);
});
