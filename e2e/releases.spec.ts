import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, signInViaApi, signUpViaApi, test } from "./fixtures";

const TEXT = "The mayor is the best mayor we ever had. The new bridge is a beautiful sight. Our city deserves better buses.";

test("an editor cuts a release, downloads it byte-identical to its checksum, and compares it with a later one", async ({ page, user, playwright, baseURL }) => {
  const origin = { origin: baseURL ?? "" };
  // An owner prepares the desk and invites the test user as an editor.
  const owner = await playwright.request.newContext({ baseURL });
  await signInViaApi(owner, await signUpViaApi(owner, "Olga Owner"));
  const workspaceId = await createWorkspaceViaApi(owner, baseURL, "Release Desk");
  const passage = await owner.post(`/api/v1/workspaces/${workspaceId}/passages`, { data: { title: "Mayor's speech", text: TEXT }, headers: origin });
  const passageId = ((await passage.json()) as { id: string }).id;
  const verifiedClaim = async (exact: string) => {
    const created = await owner.post(`/api/v1/passages/${passageId}/claims`, { data: { exact, label: "opinion" }, headers: origin });
    const { id } = (await created.json()) as { id: string };
    for (const [state, version] of [["in_review", 1], ["verified", 2]] as const) {
      const changed = await owner.patch(`/api/v1/claims/${id}`, { data: { state }, headers: { ...origin, "if-match": `"${version}"` } });
      expect(changed.status()).toBe(200);
    }
  };
  await verifiedClaim("The mayor is the best mayor we ever had.");
  await verifiedClaim("The new bridge is a beautiful sight.");
  expect((await owner.put(`/api/v1/workspaces/${workspaceId}/release-settings`, { data: { licence: "CC-BY-4.0" }, headers: origin })).status()).toBe(200);
  const invitation = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { data: { email: user.email, role: "editor" }, headers: origin });
  const token = new URL(((await invitation.json()) as { url: string }).url).pathname.split("/").at(-1) ?? "";
  await signInViaApi(page.request, user);
  expect((await page.request.post(`/api/v1/invitations/${token}/accept`, { headers: origin })).status()).toBe(200);

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("link", { name: "Releases", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No releases yet" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Name").fill("Autumn opinions");
  // The licence is the owners' choice; the editor sees it.
  await expect(page.getByText("Creative Commons Attribution 4.0 International (CC-BY-4.0)")).toBeVisible();
  await page.getByRole("button", { name: "Cut release" }).click();
  const cut = page.getByRole("status").filter({ hasText: "Release 1, “Autumn opinions”" });
  await expect(cut).toContainText("holds 2 verified claims");
  await expectNoSeriousAxeViolations(page);

  const release = (await (await page.request.get(`/api/v1/workspaces/${workspaceId}/releases/1`)).json()) as { sha256: string; files: { format: string; sha256: string }[] };
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV of release 1" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe("claimdesk-release-desk-release-1.csv");
  const csvBytes = await readFile((await csv.path()) ?? "");
  expect(createHash("sha256").update(csvBytes).digest("hex")).toBe(release.files.find((file) => file.format === "csv")?.sha256);
  await expect(page.getByRole("row", { name: /Autumn opinions/ }).getByText(`${release.sha256.slice(0, 12)}…`)).toBeVisible();

  // A third claim is verified; the next release holds it, the first stays as it was.
  await verifiedClaim("Our city deserves better buses.");
  await page.getByLabel("Name").fill("Winter opinions");
  await page.getByRole("button", { name: "Cut release" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Release 2, “Winter opinions”" })).toContainText("holds 3 verified claims");

  await page.getByLabel("Release", { exact: true }).selectOption("2");
  await page.getByLabel("with", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "Release 2 compared with release 1" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Added (1)" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Our city deserves better buses." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Removed (0)" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "Autumn opinions" }).click();
  await expect(page.getByRole("heading", { name: "Release 1: Autumn opinions" })).toBeVisible();
  await expect(page.getByText(release.sha256).first()).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<string, unknown>;
  expect(jsonLd).toMatchObject({ "@type": "Dataset", publisher: { name: "Release Desk" }, license: "https://creativecommons.org/licenses/by/4.0/", identifier: `sha256:${release.sha256}` });
  await expectNoSeriousAxeViolations(page);

  // From the claims table's filter to a release of it.
  await page.goto(`/w/${workspaceId}/claims?label=opinion&q=buses`);
  await page.getByRole("link", { name: "Cut a release from this filter" }).click();
  await expect(page.getByRole("combobox", { name: "Claims", exact: true })).toHaveValue("current");
  await expect(page.getByText("Verified · Opinion · matching “buses”")).toBeVisible();
  await page.getByLabel("Name").fill("Buses");
  await page.getByRole("button", { name: "Cut release" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Release 3, “Buses”" })).toContainText("holds 1 verified claim.");
  await owner.dispose();
});
