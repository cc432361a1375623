import { createWorkspaceViaApi, expect, expectNoSeriousAxeViolations, gotoPassage, test } from "./fixtures";

const STATEMENT = "The harbour handled 3 million containers in 2024.";
const TEXT = `${STATEMENT} Ferries stopped running in May.`;

test("an editor publishes a verified claim; an anonymous reader sees the page, its ClaimReview, the feed and a correction; withdrawing leaves a 410 page", async ({
  signedInPage: page,
  baseURL,
  browser,
}) => {
  const origin = { origin: baseURL ?? "" };
  const workspaceId = await createWorkspaceViaApi(page.request, baseURL, "Harbour Fact Desk");
  const passage = await page.request.post(`/api/v1/workspaces/${workspaceId}/passages`, {
    data: { title: "Mayor's harbour speech", text: TEXT, sourceUrl: "https://news.example.org/harbour-speech", author: "Mayor Quill", publisher: "City Hall", publishedAt: "2026-03-02" },
    headers: origin,
  });
  expect(passage.status()).toBe(201);
  const passageId = ((await passage.json()) as { id: string }).id;
  const created = await page.request.post(`/api/v1/passages/${passageId}/claims`, { data: { exact: STATEMENT, label: "factual" }, headers: origin });
  const claimId = ((await created.json()) as { id: string }).id;
  // A claim nobody published, in the same passage: its statement must never reach a public page.
  const secret = await page.request.post(`/api/v1/passages/${passageId}/claims`, {
    data: { exact: "Ferries stopped running in May.", statement: "UNPUBLISHED draft about ferries" },
    headers: origin,
  });
  expect(secret.status()).toBe(201);
  const evidence = await page.request.post(`/api/v1/claims/${claimId}/evidence`, {
    data: { stance: "refutes", url: "https://stats.example.org/port-2024", title: "Port statistics 2024", note: "INTERNAL evidence note" },
    headers: origin,
  });
  expect(evidence.status()).toBe(201);
  for (const state of ["in_review", "verified"]) {
    const { version } = (await (await page.request.get(`/api/v1/claims/${claimId}`)).json()) as { version: number };
    // Verifying a factual claim takes a verdict on the desk's scale (the default one here).
    const data = state === "verified" ? { state, verdict: "mostly-false", verdictNote: "Port statistics show 2.1 million containers." } : { state };
    const moved = await page.request.patch(`/api/v1/claims/${claimId}`, { data, headers: { ...origin, "If-Match": `"${version}"` } });
    expect(moved.status()).toBe(200);
  }

  // The editor (the workspace's owner) publishes from the open claim.
  await gotoPassage(page, `/w/${workspaceId}/passages/${passageId}?claim=${claimId}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const publicLink = page.getByRole("link", { name: "public page" });
  await expect(publicLink).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const publicPath = new URL((await publicLink.getAttribute("href")) ?? "", baseURL).pathname;
  expect(publicPath).toBe("/fact-checks/the-harbour-handled-3-million-containers-in-2024");

  // An anonymous reader.
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  const opened = await reader.goto(publicPath);
  expect(opened?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: STATEMENT })).toBeVisible();
  await expect(reader.getByRole("heading", { name: "Verdict: Mostly false" })).toBeVisible();
  await expect(reader.getByText("Port statistics show 2.1 million containers.")).toBeVisible();
  await expect(reader.getByRole("link", { name: "Port statistics 2024" })).toHaveAttribute("href", "https://stats.example.org/port-2024");
  await expect(reader.getByText(/Said by Mayor Quill, City Hall on 2 March 2026/)).toBeVisible();
  await expectNoSeriousAxeViolations(reader);
  const html = await reader.content();
  expect(html).not.toContain("UNPUBLISHED");
  expect(html).not.toContain("INTERNAL");
  const claimReview = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<string, unknown>;
  expect(claimReview).toMatchObject({
    "@type": "ClaimReview",
    url: `${baseURL}${publicPath}`,
    claimReviewed: STATEMENT,
    reviewRating: { alternateName: "Mostly false", ratingValue: 2, bestRating: 5, worstRating: 1 },
    itemReviewed: { author: { name: "Mayor Quill" }, appearance: { url: "https://news.example.org/harbour-speech" } },
  });
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", `Mostly false: ${STATEMENT}`);
  await expect(reader.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  const feedHref = await reader.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
  const atom = await anonymous.request.get(feedHref ?? "");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  expect(await atom.text()).toContain(`Mostly false: ${STATEMENT}`);
  const jsonFeed = (await (await anonymous.request.get(`/fact-checks/feeds/${workspaceId}/feed.json`)).json()) as { items: { title: string; url: string }[] };
  expect(jsonFeed.items[0]).toMatchObject({ title: `Mostly false: ${STATEMENT}`, url: `${baseURL}${publicPath}` });

  // The passage report: the published claim highlighted, linking to its fact-check; the unpublished one not listed.
  await reader.getByRole("link", { name: "Every published claim of this source" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "Mayor's harbour speech" })).toBeVisible();
  await expect(reader.locator("mark").getByRole("link", { name: STATEMENT })).toHaveAttribute("href", publicPath);
  expect(await reader.content()).not.toContain("UNPUBLISHED");
  await expectNoSeriousAxeViolations(reader);

  // A correction: the editor rewords the statement with a public note; the page lists it.
  await page.getByLabel("Public correction note").fill("We quoted the wrong year.");
  await page.getByLabel("Statement").fill("The harbour handled 3 million containers in 2023.");
  const saved = page.waitForResponse((response) => response.url().endsWith(`/api/v1/claims/${claimId}`) && response.request().method() === "PATCH");
  await page.getByRole("button", { name: "Save statement" }).click();
  expect((await saved).status()).toBe(200);
  // The cached page was expired by the correction itself: the next visit shows it.
  await reader.goto(publicPath);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("The harbour handled 3 million containers in 2023.");
  await expect(reader.getByText("We quoted the wrong year.")).toBeVisible();
  await expect(reader.getByText(/Claim as checked: changed from “The harbour handled 3 million containers in 2024\.”/)).toBeVisible();
  expect(await (await anonymous.request.get(feedHref ?? "")).text()).toContain("We quoted the wrong year.");

  // Withdrawing, after a confirmation, leaves a page that says so: 410, never a silent 404.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText(/^Withdrawn on/)).toBeVisible();
  const gone = await reader.goto(publicPath);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole("heading", { name: "Fact-check withdrawn" })).toBeVisible();
  await expect(reader.getByText(/Harbour Fact Desk withdrew this fact-check on/)).toBeVisible();
  expect(await reader.content()).not.toContain("3 million containers");
  await expectNoSeriousAxeViolations(reader);
  await anonymous.close();
});
