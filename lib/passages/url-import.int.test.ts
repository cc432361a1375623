import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getSnapshotRoute } from "@/app/api/v1/snapshots/[snapshotId]/route";
import { GET as getJobRoute } from "@/app/api/v1/workspaces/[workspaceId]/jobs/[jobId]/route";
import { POST as cancelJobRoute } from "@/app/api/v1/workspaces/[workspaceId]/jobs/[jobId]/cancel/route";
import { POST as retryJobRoute } from "@/app/api/v1/workspaces/[workspaceId]/jobs/[jobId]/retry/route";
import { GET as listJobsRoute } from "@/app/api/v1/workspaces/[workspaceId]/jobs/route";
import { POST as createPassageRoute } from "@/app/api/v1/workspaces/[workspaceId]/passages/route";
import type { Job } from "@/lib/jobs/job.schemas";
import { stopJobBoss } from "@/lib/jobs/server/job-boss";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/server/job-workers";
// Only this file's kind: other files' jobs (webhook deliveries, evidence captures) reach their own test servers.
import { importUrlJob } from "@/lib/passages/server/import-url-job";
import { reviseFromUrlJob } from "@/lib/revisions/server/revise-from-url-job";
import type { CreateRevisionAnswer, PassageRevisionList } from "@/lib/revisions/revision.schemas";
import { GET as listRevisionsRoute, POST as createRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/route";
import { GET as getPassageRoute } from "@/app/api/v1/passages/[passageId]/route";
import type { Passage } from "@/lib/passages/passage.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { ARTICLE_PAGE } from "@/scripts/test/article-page";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

// Import by URL end to end through the route handlers: a web server on 127.0.0.1 (the one port the
// test-only FETCH_ALLOW_LOOPBACK_PORT opens), the job queue on the test database, a worker here.

const ARTICLE = ARTICLE_PAGE;

const JSON_LD_ARTICLE = `<!doctype html><html><head><title>t</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Rivers are rising","author":[{"@type":"Person","name":"Bo Writer"}],"publisher":{"@type":"Organization","name":"River News"},"datePublished":"2025-11-20"}]}</script>
</head><body><article><p>Rivers in the north are rising faster than in any year since records began, officials said.</p>
<p>Farmers have moved their animals to higher ground as a precaution against the floods expected.</p></article></body></html>`;

let server: Server;
let port = 0;
let releaseHeld: (() => void) | null = null;
/** The edition /story serves: a test changes it to see the page "updated" between two fetches. */
let storyEdition = "first";
let workers: JobWorkers;

function route(request: IncomingMessage, response: ServerResponse) {
  const path = new URL(request.url ?? "/", "http://test").pathname;
  if (path.startsWith("/old/")) {
    response.writeHead(301, { location: path.replace("/old/", "/articles/") });
    response.end();
  } else if (path.startsWith("/articles/")) {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(ARTICLE.replace("Budget rises by 4 percent</h1>", `Budget rises by 4 percent</h1><p>Edition ${path}.</p>`));
  } else if (path === "/story") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    const update = storyEdition === "first" ? "" : "<p>Update: the council corrected the figure to 5 percent in a statement on Tuesday evening.</p>";
    response.end(ARTICLE.replace("</article>", `${update}</article>`));
  } else if (path === "/rivers") {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(JSON_LD_ARTICLE);
  } else if (path === "/held") {
    // Answers only when the test says so: the import cannot finish within the request's wait.
    releaseHeld = () => {
      releaseHeld = null;
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      response.end("A plain text statement that the minister made about the harbour, word for word.");
    };
  } else if (path === "/image") {
    response.writeHead(200, { "content-type": "image/png" });
    response.end("png");
  } else {
    response.writeHead(404, { "content-type": "text/html" });
    response.end("<p>Not here</p>");
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // Read once by lib/env.ts, which nothing has asked yet in this file's process.
  // eslint-disable-next-line no-restricted-syntax -- the test-only setting, for this file's server
  process.env.FETCH_ALLOW_LOOPBACK_PORT = String(port);
  // eslint-disable-next-line no-restricted-syntax -- long enough for a local page, so 202 means "still running"
  process.env.URL_IMPORT_WAIT_MS = "10000";
  // eslint-disable-next-line no-restricted-syntax -- the held page must outlast the wait without the fetch timing out
  process.env.FETCH_TIMEOUT_MS = "40000";
  workers = await startJobWorkers({ kinds: [importUrlJob, reviseFromUrlJob], concurrency: 2 });
  // The first HTML extraction compiles the worker thread's code; later imports are the ones measured by the wait.
  const desk = await createDesk();
  const warmUp = await importUrl(desk, desk.owner, { url: pageUrl("/articles/warm-up") });
  if (warmUp.status === 202) await waitForState(desk, desk.owner, (warmUp.body as { job: Job }).job.id, ["completed"]);
});

afterAll(async () => {
  releaseHeld?.();
  await workers.stop();
  await stopJobBoss();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const pageUrl = (path: string) => `http://127.0.0.1:${port}${path}`;
type Desk = Awaited<ReturnType<typeof createDesk>>;

const importUrl = (desk: Desk, as: TestUser, body: unknown) =>
  callRoute(createPassageRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/passages`, { as, params: { workspaceId: desk.workspaceId }, body });
const getJob = (desk: Desk, as: TestUser, jobId: string) =>
  callRoute(getJobRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/jobs/${jobId}`, { as, params: { workspaceId: desk.workspaceId, jobId } });
const jobAction = (desk: Desk, as: TestUser, jobId: string, action: "retry" | "cancel") =>
  callRoute(action === "retry" ? retryJobRoute : cancelJobRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/jobs/${jobId}/${action}`, {
    as,
    params: { workspaceId: desk.workspaceId, jobId },
  });

async function getSnapshot(as: TestUser, url: string) {
  const snapshotId = url.split("/").at(-1) ?? "";
  const request = new NextRequest(new URL(url, "http://localhost:3000"), { headers: { cookie: await sessionCookie(as) } });
  return getSnapshotRoute(request, { params: Promise.resolve({ snapshotId }) });
}

async function waitForState(desk: Desk, as: TestUser, jobId: string, states: Job["state"][]): Promise<Job> {
  let job: Job | undefined;
  await vi.waitFor(
    async () => {
      const response = await getJob(desk, as, jobId);
      job = response.body as Job;
      expect(states).toContain(job.state);
    },
    { timeout: 20_000, interval: 100 },
  );
  return job as Job;
}

describe("import by URL", () => {
  it("imports the article with its metadata, the final URL after redirects and a snapshot served sandboxed", async () => {
    const desk = await createDesk();
    const response = await importUrl(desk, desk.reviewer, { url: pageUrl("/old/budget") });
    expect(response.status).toBe(201);
    const passage = response.body as Passage;
    expect(passage).toMatchObject({
      title: "Budget rises by 4 percent",
      sourceUrl: pageUrl("/articles/budget"),
      author: "Ana Reporter",
      publisher: "Daily Example",
      publishedAt: "2026-03-02T08:00:00.000Z",
      language: "en",
    });
    expect(passage.text).toContain("The city budget rose by 4 percent this year");
    expect(passage.text).not.toContain("document.cookie");
    expect(passage.snapshot).not.toBeNull();

    const stored = await db.snapshot.findUniqueOrThrow({ where: { id: passage.snapshot?.id ?? "" } });
    expect(stored).toMatchObject({ url: pageUrl("/old/budget"), finalUrl: pageUrl("/articles/budget"), httpStatus: 200, contentType: "text/html; charset=utf-8" });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const copy = await getSnapshot(desk.viewer, passage.snapshot?.url ?? "");
    expect(copy.status).toBe(200);
    expect(copy.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect(copy.headers.get("content-security-policy")).not.toMatch(/allow-/);
    expect(copy.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(copy.headers.get("x-content-type-options")).toBe("nosniff");
    expect(copy.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const body = await copy.text();
    expect(body).toContain("<script>document.cookie</script>");
    expect(body).toContain("Edition /articles/budget.");

    const outsider = await getSnapshot(desk.stranger, passage.snapshot?.url ?? "");
    expect(outsider.status).toBe(404);
  });

  it("reads title, author, publisher and date from JSON-LD", async () => {
    const desk = await createDesk();
    const response = await importUrl(desk, desk.owner, { url: pageUrl("/rivers") });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ title: "Rivers are rising", author: "Bo Writer", publisher: "River News", publishedAt: "2025-11-20T00:00:00.000Z" });
  });

  it("answers 409 naming the existing passage when the URL was imported before", async () => {
    const desk = await createDesk();
    const first = await importUrl(desk, desk.owner, { url: pageUrl("/articles/twice") });
    expect(first.status).toBe(201);
    const again = await importUrl(desk, desk.editor, { url: pageUrl("/articles/twice") });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "conflict", details: { existingPassage: { id: (first.body as Passage).id } } } });
    // Through a redirect to the same final URL, found by the job.
    const redirected = await importUrl(desk, desk.editor, { url: pageUrl("/old/twice") });
    expect(redirected.status).toBe(409);
    expect(redirected.body).toMatchObject({ error: { code: "conflict", details: { existingPassage: { id: (first.body as Passage).id } } } });
  });

  it.each([
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["a private address", "http://10.0.0.7/"],
    ["loopback on another port", "http://127.0.0.1:1/"],
    ["IPv6 loopback", `http://[::1]:${1}/`],
  ])("refuses %s with 400 url_not_allowed and queues nothing", async (_name, url) => {
    const desk = await createDesk();
    const response = await importUrl(desk, desk.owner, { url });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: "url_not_allowed", message: "That address points inside a private network; ClaimDesk only fetches public web pages." },
    });
    expect(await db.job.count({ where: { workspaceId: desk.workspaceId } })).toBe(0);
  });

  it("says why a page could not be imported: missing page, wrong type", async () => {
    const desk = await createDesk();
    const missing = await importUrl(desk, desk.owner, { url: pageUrl("/nothing") });
    expect(missing.status).toBe(502);
    expect(missing.body).toMatchObject({ error: { code: "fetch_failed", message: expect.stringMatching(/HTTP 404/) as unknown } });
    const image = await importUrl(desk, desk.owner, { url: pageUrl("/image") });
    expect(image.status).toBe(415);
  });

  it("answers 202 with the job when the page takes longer than the wait; the job then finishes and is listed", async () => {
    const desk = await createDesk();
    const response = await importUrl(desk, desk.reviewer, { url: pageUrl("/held") });
    expect(response.status).toBe(202);
    const { job } = response.body as { job: Job };
    expect(job).toMatchObject({ kind: "passage.import-url", subject: pageUrl("/held"), state: "running", attempts: 1 });

    // The reviewer follows their own job; the jobs page is for editors and owners.
    expect((await getJob(desk, desk.viewer, job.id)).status).toBe(403);
    const listPath = `/api/v1/workspaces/${desk.workspaceId}/jobs`;
    expect((await callRoute(listJobsRoute, "GET", listPath, { as: desk.reviewer, params: { workspaceId: desk.workspaceId } })).status).toBe(403);

    releaseHeld?.();
    const done = await waitForState(desk, desk.reviewer, job.id, ["completed"]);
    const passage = await db.passage.findUniqueOrThrow({ where: { id: String(done.result?.passageId) } });
    expect(passage.text).toContain("the minister made about the harbour");

    const list = await callRoute(listJobsRoute, "GET", listPath, { as: desk.editor, params: { workspaceId: desk.workspaceId } });
    expect(list.status).toBe(200);
    expect((list.body as { items: Job[] }).items.map((item) => [item.id, item.state])).toEqual([[job.id, "completed"]]);
  }, 60_000);

  it("lets owners retry a failed job and cancel a queued one", async () => {
    const desk = await createDesk();
    const failed = await importUrl(desk, desk.owner, { url: pageUrl("/gone-for-now") });
    expect(failed.status).toBe(502);
    const [row] = await db.job.findMany({ where: { workspaceId: desk.workspaceId } });
    const jobId = row?.id ?? "";
    expect(row).toMatchObject({ state: "failed", attempts: 1, lastError: expect.stringMatching(/HTTP 404/) as unknown });

    expect((await jobAction(desk, desk.editor, jobId, "retry")).status).toBe(403);
    expect((await jobAction(desk, desk.owner, jobId, "cancel")).status).toBe(409);
    const retried = await jobAction(desk, desk.owner, jobId, "retry");
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: "queued", maxAttempts: 4 });
    const again = await waitForState(desk, desk.owner, jobId, ["failed"]);
    expect(again.attempts).toBe(2);

    // Cancelled before a worker takes it: this instance's workers stop for a moment.
    await workers.stop();
    const queued = await importUrl(desk, desk.owner, { url: pageUrl("/articles/later") });
    expect(queued.status).toBe(202);
    const laterId = (queued.body as { job: Job }).job.id;
    expect((queued.body as { job: Job }).job.state).toBe("queued");
    expect((await jobAction(desk, desk.editor, laterId, "cancel")).status).toBe(403);
    const cancelled = await jobAction(desk, desk.owner, laterId, "cancel");
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: "cancelled" });
    workers = await startJobWorkers({ kinds: [importUrlJob, reviseFromUrlJob], concurrency: 2 });
    const resumed = await jobAction(desk, desk.owner, laterId, "retry");
    expect(resumed.status).toBe(200);
    const finished = await waitForState(desk, desk.owner, laterId, ["completed"]);
    expect(finished.attempts).toBe(1);
  }, 60_000);

  it("creates nothing when the job is cancelled while its page is being fetched", async () => {
    const desk = await createDesk();
    const response = await importUrl(desk, desk.owner, { url: pageUrl("/held") });
    expect(response.status).toBe(202);
    const { job } = response.body as { job: Job };
    expect(job.state).toBe("running");
    const cancelled = await jobAction(desk, desk.owner, job.id, "cancel");
    expect(cancelled.status).toBe(200);

    releaseHeld?.();
    // A graceful stop waits for the running attempt to end: its final write is behind us after this.
    await workers.stop();
    workers = await startJobWorkers({ kinds: [importUrlJob, reviseFromUrlJob], concurrency: 2 });
    expect(await db.passage.count({ where: { workspaceId: desk.workspaceId } })).toBe(0);
    expect(await db.snapshot.count({ where: { workspaceId: desk.workspaceId } })).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "cancelled" });
  }, 60_000);
});

describe("a new revision from a web address", () => {
  const revise = (passageId: string, as: TestUser, body: unknown, ifMatch?: string) =>
    callRoute(createRevisionRoute, "POST", `/api/v1/passages/${passageId}/revisions`, {
      as,
      params: { passageId },
      body,
      headers: ifMatch ? { "if-match": ifMatch } : {},
    });

  it("fetches the page again and saves it as the next revision with its own snapshot; an unchanged page is already up to date", async () => {
    storyEdition = "first";
    const desk = await createDesk();
    const imported = await importUrl(desk, desk.reviewer, { url: pageUrl("/story") });
    expect(imported.status).toBe(201);
    const passage = imported.body as Passage;
    const firstSnapshotId = passage.snapshot?.id ?? "";

    // Offered on the 409 of importing it again.
    const again = await importUrl(desk, desk.editor, { url: pageUrl("/story") });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { details: { existingPassage: { id: passage.id } } } });

    storyEdition = "second";
    expect((await revise(passage.id, desk.reviewer, { url: pageUrl("/story") }, '"1"')).status).toBe(403);
    expect((await revise(passage.id, desk.editor, { url: pageUrl("/story") })).status).toBe(428);
    const revised = await revise(passage.id, desk.editor, { url: pageUrl("/story"), note: "Council corrected the figure" }, '"1"');
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    expect(revised.headers.get("etag")).toBe('"2"');
    const answer = revised.body as CreateRevisionAnswer;
    expect(answer.revision).toMatchObject({ number: 2, note: "Council corrected the figure", createdBy: { id: desk.editor.id } });
    expect(answer.passage.revision).toBe(2);
    expect(answer.passage.text).toContain("corrected the figure to 5 percent");
    expect(answer.passage.text).not.toContain("document.cookie");
    const secondSnapshotId = answer.revision.snapshot?.id ?? "";
    expect(secondSnapshotId).not.toBe("");
    expect(secondSnapshotId).not.toBe(firstSnapshotId);
    expect(answer.passage.snapshot?.id).toBe(secondSnapshotId);
    // The passage as its page reads it links the capture of its current text.
    const read = await callRoute(getPassageRoute, "GET", `/api/v1/passages/${passage.id}`, { as: desk.viewer, params: { passageId: passage.id } });
    expect((read.body as Passage).snapshot?.id).toBe(secondSnapshotId);

    const list = await callRoute(listRevisionsRoute, "GET", `/api/v1/passages/${passage.id}/revisions`, { as: desk.viewer, params: { passageId: passage.id } });
    const items = (list.body as PassageRevisionList).items;
    expect(items.map((item) => [item.number, item.snapshot?.id])).toEqual([
      [2, secondSnapshotId],
      [1, firstSnapshotId],
    ]);
    const secondCopy = await getSnapshot(desk.viewer, items[0]?.snapshot?.url ?? "");
    expect(secondCopy.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect(await secondCopy.text()).toContain("corrected the figure to 5 percent");
    const firstCopy = await getSnapshot(desk.viewer, items[1]?.snapshot?.url ?? "");
    expect(await firstCopy.text()).not.toContain("corrected the figure");

    // The page has not changed since: nothing is saved, not even a snapshot.
    const unchanged = await revise(passage.id, desk.editor, { url: pageUrl("/story") }, '"2"');
    expect(unchanged.status).toBe(409);
    expect(unchanged.body).toMatchObject({ error: { code: "conflict", message: "The page has not changed since revision 2: the passage is already up to date." } });
    expect(await db.snapshot.count({ where: { workspaceId: desk.workspaceId } })).toBe(2);
    // Someone else's revision came first.
    const stale = await revise(passage.id, desk.editor, { url: pageUrl("/story") }, '"1"');
    expect(stale.status).toBe(412);
    expect(await db.job.count({ where: { workspaceId: desk.workspaceId, kind: "passage.revise-from-url" } })).toBe(2);
  });

  it("refuses a private address, a broken URL and a missing page with a 4xx or 502 and saves nothing", async () => {
    storyEdition = "first";
    const desk = await createDesk();
    const imported = await importUrl(desk, desk.owner, { url: pageUrl("/story") });
    const passageId = (imported.body as Passage).id;
    const privateAddress = await revise(passageId, desk.owner, { url: "http://10.0.0.7/story" }, '"1"');
    expect(privateAddress.status).toBe(400);
    expect(privateAddress.body).toMatchObject({ error: { code: "url_not_allowed" } });
    const notUrl = await revise(passageId, desk.owner, { url: "ftp://example.org/x" }, '"1"');
    expect(notUrl.status).toBe(400);
    expect(notUrl.body).toMatchObject({ error: { code: "validation_failed", details: [{ path: ["body", "url"] }] } });
    for (const [field, body] of [
      ["url", { url: `${pageUrl("/story")}\u0000` }],
      ["note", { url: pageUrl("/story"), note: "Fixed \ud800" }],
    ] as const) {
      const bad = await revise(passageId, desk.owner, body, '"1"');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: "validation_failed", details: [{ path: ["body", field] }] } });
    }
    const both = await revise(passageId, desk.owner, { url: pageUrl("/story"), text: "x" }, '"1"');
    expect(both.status).toBe(400);
    const missing = await revise(passageId, desk.owner, { url: pageUrl("/nothing") }, '"1"');
    expect(missing.status).toBe(502);
    expect(missing.body).toMatchObject({ error: { code: "fetch_failed", message: expect.stringMatching(/HTTP 404/) as unknown } });
    expect(await db.passage.findUniqueOrThrow({ where: { id: passageId } })).toMatchObject({ revision: 1 });
    expect(await db.passageRevision.count({ where: { passageId } })).toBe(0);
  });
});
