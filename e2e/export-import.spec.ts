import { readFile } from "node:fs/promises";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, test } from "./fixtures";

test("a desk downloads its claims with progress, gets an empty state for no match, and imports the JSONL into a new workspace", async ({
  signedInPage: page,
  baseURL,
}) => {
  const origin = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Harbour Desk");
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    data: { title: "Harbour report", text: "The harbour handled 4.2 million containers in 2025. =SUM(A1) said the critics.", sourceUrl: "https://news.example.org/harbour" },
    headers: origin,
  });
  expect(passage.status()).toBe(201);
  const passageId = ((await passage.json()) as { id: string }).id;
  for (const exact of ["The harbour handled 4.2 million containers in 2025.", "=SUM(A1) said the critics."]) {
    const claim = await page.request.post(`/api/v1/passages/${passageId}/claims`, { data: { exact, label: "factual" }, headers: origin });
    expect(claim.status()).toBe(201);
  }

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("link", { name: "Export", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Export and import" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Default filter: verified claims only; there are none yet.
  await page.getByLabel("CSV (spreadsheet)").check();
  await page.getByRole("button", { name: "Download" }).click();
  await expect(page.getByRole("heading", { name: "No claims match these filters" })).toBeVisible();

  await page.getByLabel("Review state").selectOption("all");
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^claimdesk-harbour-desk-all-states-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByText(/Saved claimdesk-harbour-desk-all-states-.*: 2 claims/)).toBeVisible();
  const csvText = await readFile((await csv.path()) ?? "", "utf8");
  expect(csvText).toContain(`'=SUM(A1) said the critics.`);

  await page.getByLabel("ClaimDesk JSONL").check();
  const jsonlDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const jsonlPath = (await (await jsonlDownload).path()) ?? "";

  const otherId = await createWorkspaceViaApi(page.request, baseURL, "Copy Desk");
  await page.goto(`/w/${otherId}/export`);
  await page.getByLabel("File").setInputFiles({ name: "claims.jsonl", mimeType: "application/x-ndjson", buffer: await readFile(jsonlPath) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("2 imported, 0 already claims, 0 not anchored, 0 not readable; 1 passages created, 0 matched.")).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: "Imported" })).toHaveCount(2);
  await expectNoSeriousAxeViolations(page);

  // The same file again changes nothing.
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/0 imported, 2 already claims/)).toBeVisible();
});
