import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { GET as getSnapshotRoute } from "@/app/api/v1/snapshots/[snapshotId]/route";
import type { EvidenceLink } from "@/lib/evidence/evidence.schemas";
import { captureEvidenceJob } from "@/lib/evidence/server/capture-evidence";
import { checkEvidenceLinks, checkEvidenceLinksJob } from "@/lib/evidence/server/check-evidence-links";
import { getClaim } from "@/lib/claims/server/get-claim";
import { listClaims } from "@/lib/claims/server/list-claims";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import { stopJobBoss } from "@/lib/jobs/server/job-boss";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/server/job-workers";
import { recordAbandonedJobs } from "@/lib/jobs/server/abandoned-jobs";
import { cancelJob } from "@/lib/jobs/server/manage-job";
import { FETCH_RETRY_POLICY } from "@/lib/fetching/fetch-retry";
import { JOB_SCHEMA } from "@/lib/jobs/server/job-boss";
import { importUrlJob } from "@/lib/passages/server/import-url-job";
import { serverEnv } from "@/lib/env";
import { LIVE_CHANGE_CHANNEL, type ChangeEvent } from "@/lib/live/live-events";
import { createDesk, db } from "@/scripts/test/desk";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

// Evidence capture and the link checker against a web server on 127.0.0.1 (the test-only
// FETCH_ALLOW_LOOPBACK_PORT), with the job queue on the test database and a worker here.

const pages = new Map<string, { status: number; body: string }>();
/** Answers given once each, in turn, before `pages` answers for that path (a server that recovers). */
const answersInTurn = new Map<string, { status: number; body: string }[]>();

function serve(request: IncomingMessage, response: ServerResponse) {
  const path = new URL(request.url ?? "/", "http://test").pathname;
  const page = answersInTurn.get(path)?.shift() ?? pages.get(path) ?? { status: 404, body: "<p>Not here</p>" };
  response.writeHead(page.status, { "content-type": "text/html; charset=utf-8" });
  response.end(page.body);
}

const article = (headline: string) =>
  `<!doctype html><html><head><title>${headline}</title></head><body><article><h1>${headline}</h1><p>The council published the figures for the year on Monday, showing the budget rose by four percent.</p></article></body></html>`;

let server: Server;
let port = 0;
let workers: JobWorkers;

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // eslint-disable-next-line no-restricted-syntax -- the test's own setting, set before lib/env.ts reads it
  process.env.FETCH_ALLOW_LOOPBACK_PORT = String(port);
  // The tests below look for abandoned runs themselves (recordAbandonedJobs), so the workers do not.
  workers = await startJobWorkers({ kinds: [captureEvidenceJob], concurrency: 2, abandonedSweepSeconds: 3600 });
});

afterAll(async () => {
  await workers.stop();
  await stopJobBoss();
  await new Promise((resolve) => server.close(resolve));
});

async function claimWithEvidence(path: string) {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "The budget rose by four percent this year." });
  const claim = await createClaimRecord(db, { passage, exact: "The budget rose by four percent", createdById: desk.reviewer.id, label: "factual", state: "in_review" });
  const url = `http://127.0.0.1:${port}${path}`;
  const answer = await callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${claim.id}/evidence`, { params: { claimId: claim.id }, body: { url, stance: "supports" }, as: desk.reviewer });
  expect(answer.status).toBe(201);
  const link = answer.body as EvidenceLink;
  expect(link.evidence.capture?.status).toBe("pending");
  return { desk, claim, link };
}

async function waitForCapture(evidenceId: string) {
  await vi.waitFor(
    async () => {
      const row = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
      expect(row.captureStatus).not.toBe("pending");
    },
    { timeout: 20_000, interval: 100 },
  );
}

describe("evidence capture", () => {
  it("stores a snapshot of linked web evidence, and the evidence shows it captured with a link to the stored copy", async () => {
    pages.set("/budget", { status: 200, body: article("Budget rises by four percent") });
    const { desk, link } = await claimWithEvidence("/budget");
    await waitForCapture(link.evidence.id);
    const row = await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id }, include: { snapshot: true } });
    expect(row).toMatchObject({ captureStatus: "captured", captureHttpStatus: 200, captureError: null, title: "Budget rises by four percent", linkHealth: "ok" });
    expect(row.snapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.snapshot?.finalUrl).toBe(`http://127.0.0.1:${port}/budget`);

    const claim = await db.claim.findFirstOrThrow({ where: { evidence: { some: { id: link.id } } }, select: { id: true } });
    const read = await getClaim({ actor: { userId: desk.viewer.id, email: desk.viewer.email, name: desk.viewer.name, via: "session" }, claimId: claim.id });
    const capture = read.evidence[0]?.evidence.capture;
    expect(capture).toMatchObject({ status: "captured", httpStatus: 200, error: null, snapshotUrl: `/api/v1/snapshots/${row.snapshotId}` });
    expect(capture?.capturedAt).not.toBeNull();

    // Any member opens the stored copy, sandboxed; a stranger gets 404.
    const open = async (user: { id: string; email: string; name: string }) =>
      getSnapshotRoute(new NextRequest(new URL(capture?.snapshotUrl ?? "", "http://localhost:3000"), { headers: { cookie: await sessionCookie(user) } }), {
        params: Promise.resolve({ snapshotId: row.snapshotId ?? "" }),
      });
    const stored = await open(desk.viewer);
    expect(stored.status).toBe(200);
    expect(stored.headers.get("content-security-policy")).toContain("sandbox");
    expect(await stored.text()).toContain("Budget rises by four percent");
    expect((await open(desk.stranger)).status).toBe(404);
  });

  it("says why a capture failed", async () => {
    const { link } = await claimWithEvidence("/missing");
    await waitForCapture(link.evidence.id);
    const row = await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } });
    expect(row).toMatchObject({ captureStatus: "failed", captureHttpStatus: 404, captureError: "The page answered HTTP 404.", snapshotId: null });
  });
});

describe("the link checker", () => {
  it("flags a verified claim's link that died (404) and one whose content changed, and leaves an unchanged one ok", async () => {
    pages.set("/stable", { status: 200, body: article("Stable page") });
    pages.set("/moving", { status: 200, body: article("Moving page") });
    pages.set("/dying", { status: 200, body: article("Dying page") });
    const stable = await claimWithEvidence("/stable");
    const moving = await claimWithEvidence("/moving");
    const dying = await claimWithEvidence("/dying");
    for (const item of [stable, moving, dying]) {
      await waitForCapture(item.link.evidence.id);
      await db.claim.update({ where: { id: item.claim.id }, data: { state: "verified" } });
    }
    pages.set("/moving", { status: 200, body: article("Moving page, rewritten") });
    pages.set("/dying", { status: 404, body: "gone" });

    for (const item of [stable, moving, dying]) await checkEvidenceLinks({ workspaceId: item.desk.workspaceId });
    const health = async (item: typeof stable) => db.evidence.findUniqueOrThrow({ where: { id: item.link.evidence.id }, select: { linkHealth: true, linkProblem: true, linkCheckedAt: true } });
    expect(await health(stable)).toMatchObject({ linkHealth: "ok", linkProblem: null });
    expect(await health(moving)).toMatchObject({ linkHealth: "changed", linkProblem: "The page differs from the stored copy." });
    expect(await health(dying)).toMatchObject({ linkHealth: "dead", linkProblem: "The link answered HTTP 404." });

    // The claims table's "Evidence needs attention" filter, page by page.
    const actor = { userId: dying.desk.owner.id, email: dying.desk.owner.email, name: dying.desk.owner.name, via: "session" as const };
    const attention = await listClaims({ actor, workspaceId: dying.desk.workspaceId, query: { limit: 1, sort: "created_desc", evidence: "needs-attention" } });
    expect(attention.items.map((item) => item.id)).toEqual([dying.claim.id]);
    expect(attention.nextCursor).toBeNull();
    const calm = await listClaims({ actor: { ...actor, userId: stable.desk.owner.id }, workspaceId: stable.desk.workspaceId, query: { limit: 50, sort: "created_desc", evidence: "needs-attention" } });
    expect(calm.items).toEqual([]);
  });

  it("does not call a link dead on one failure that may pass: it says so, rechecks later, and flags it after LINK_CHECK_DEAD_AFTER checks in a row", async () => {
    pages.set("/flaky", { status: 200, body: article("Flaky page") });
    pages.set("/hiccup", { status: 200, body: article("Hiccup page") });
    const flaky = await claimWithEvidence("/flaky");
    const hiccup = await claimWithEvidence("/hiccup");
    for (const item of [flaky, hiccup]) {
      await waitForCapture(item.link.evidence.id);
      await db.claim.update({ where: { id: item.claim.id }, data: { state: "verified" } });
    }
    pages.set("/flaky", { status: 503, body: "down for maintenance" });
    answersInTurn.set("/hiccup", [{ status: 502, body: "bad gateway" }]);
    const health = (evidenceId: string) => db.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { linkHealth: true, linkProblem: true, linkFailures: true } });

    expect(await checkEvidenceLinks({ workspaceId: flaky.desk.workspaceId })).toEqual({ checked: 1, dead: 0, changed: 0, unreachable: 1 });
    expect(await health(flaky.link.evidence.id)).toEqual({
      linkHealth: "ok",
      linkFailures: 1,
      linkProblem: "Not reachable on the last check: The link answered HTTP 503. Checked again in 6 h; flagged dead after 3 failed checks in a row.",
    });
    // The recheck of that link alone is queued for LINK_RECHECK_AFTER_MINUTES later, on the jobs page.
    const recheck = await db.job.findFirstOrThrow({ where: { workspaceId: flaky.desk.workspaceId, kind: checkEvidenceLinksJob.name } });
    expect(recheck).toMatchObject({ state: "queued", subject: "Recheck of 1 evidence link that could not be reached", payload: { evidenceIds: [flaky.link.evidence.id] } });
    const [queued] = await db.$queryRawUnsafe<{ minutes: number }[]>(`SELECT round(extract(epoch FROM start_after - now()) / 60)::int AS minutes FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, recheck.id);
    expect(queued?.minutes).toBe(360);
    // The claim does not need attention yet.
    const actor = { userId: flaky.desk.owner.id, email: flaky.desk.owner.email, name: flaky.desk.owner.name, via: "session" as const };
    expect((await listClaims({ actor, workspaceId: flaky.desk.workspaceId, query: { limit: 50, sort: "created_desc", evidence: "needs-attention" } })).items).toEqual([]);

    await checkEvidenceLinks({ workspaceId: flaky.desk.workspaceId, evidenceIds: [flaky.link.evidence.id] });
    expect(await health(flaky.link.evidence.id)).toMatchObject({ linkHealth: "ok", linkFailures: 2 });
    expect(await checkEvidenceLinks({ workspaceId: flaky.desk.workspaceId, evidenceIds: [flaky.link.evidence.id] })).toEqual({ checked: 1, dead: 1, changed: 0, unreachable: 1 });
    expect(await health(flaky.link.evidence.id)).toEqual({ linkHealth: "dead", linkFailures: 3, linkProblem: "Not reachable on 3 checks in a row. Last: The link answered HTTP 503." });
    expect((await listClaims({ actor, workspaceId: flaky.desk.workspaceId, query: { limit: 50, sort: "created_desc", evidence: "needs-attention" } })).items.map((item) => item.id)).toEqual([flaky.claim.id]);
    // Dead is dead: no further recheck is queued for it.
    expect(await db.job.count({ where: { workspaceId: flaky.desk.workspaceId, kind: checkEvidenceLinksJob.name } })).toBe(2);

    // A page back on the next check is ok again, its count of failures cleared.
    await checkEvidenceLinks({ workspaceId: hiccup.desk.workspaceId });
    expect(await health(hiccup.link.evidence.id)).toMatchObject({ linkHealth: "ok", linkFailures: 1 });
    await checkEvidenceLinks({ workspaceId: hiccup.desk.workspaceId, evidenceIds: [hiccup.link.evidence.id] });
    expect(await health(hiccup.link.evidence.id)).toEqual({ linkHealth: "ok", linkFailures: 0, linkProblem: null });
  });

  it("leaves the evidence of claims that are not verified alone", async () => {
    pages.set("/draft", { status: 200, body: article("Draft page") });
    const draft = await claimWithEvidence("/draft");
    await waitForCapture(draft.link.evidence.id);
    pages.set("/draft", { status: 500, body: "down" });
    expect(await checkEvidenceLinks({ workspaceId: draft.desk.workspaceId })).toEqual({ checked: 0, dead: 0, changed: 0, unreachable: 0 });
  });
});

/** What a LISTENer on the live channel hears, as every app instance's live hub does. */
let listener: pg.Client;
const heard: ChangeEvent[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => heard.push(JSON.parse(message.payload ?? "{}") as ChangeEvent));
  await listener.query(`LISTEN ${LIVE_CHANGE_CHANNEL}`);
});

afterAll(async () => {
  await listener.end();
});

async function waitToHear(claimId: string, action: string) {
  await vi.waitFor(() => expect(heard.some((event) => event.claimIds?.includes(claimId) && event.actions.includes(action))).toBe(true), { timeout: 20_000, interval: 50 });
}

describe("live updates of capture and link checks", () => {
  it("announces a finished capture for the claims the evidence is linked to, so open pages refetch without a reload", async () => {
    pages.set("/announced", { status: 200, body: article("Announced page") });
    const { desk, claim, link } = await claimWithEvidence("/announced");
    await waitToHear(claim.id, "evidence.capture_succeeded");
    const event = heard.find((item) => item.claimIds?.includes(claim.id) && item.actions.includes("evidence.capture_succeeded"));
    expect(event).toMatchObject({ type: "change", workspaceId: desk.workspaceId, actorId: null });
    // Heard only after the capture committed: what the page refetches already says captured.
    expect((await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).captureStatus).toBe("captured");
    // Not an audit event: a claim's history keeps what people did.
    expect(await db.auditEvent.count({ where: { claimId: claim.id, action: { startsWith: "evidence.capture" } } })).toBe(0);
  });

  it("announces a failed capture and a link whose health changed", async () => {
    const failed = await claimWithEvidence("/never-there");
    await waitToHear(failed.claim.id, "evidence.capture_failed");

    pages.set("/soon-gone", { status: 200, body: article("Soon gone") });
    const dying = await claimWithEvidence("/soon-gone");
    await waitForCapture(dying.link.evidence.id);
    await db.claim.update({ where: { id: dying.claim.id }, data: { state: "verified" } });
    pages.set("/soon-gone", { status: 410, body: "gone" });
    await checkEvidenceLinks({ workspaceId: dying.desk.workspaceId });
    await waitToHear(dying.claim.id, "evidence.link_checked");
  });

  it("says a capture failed when its last run was lost (its worker stopped, pg-boss expired it), instead of pending for ever", async () => {
    pages.set("/lost-run", { status: 503, body: "busy" });
    const { claim, link } = await claimWithEvidence("/lost-run");
    await vi.waitFor(async () => expect((await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).captureError).toBe("Trying again: The page answered HTTP 503."), { timeout: 20_000, interval: 100 });
    const job = await db.job.findFirstOrThrow({ where: { kind: captureEvidenceJob.name, payload: { path: ["evidenceId"], equals: link.evidence.id } } });
    // What a second run leaves when its worker dies and pg-boss's maintenance expires it with no attempt left.
    await db.job.update({ where: { id: job.id }, data: { state: "running", attempts: 2 } });
    await db.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET state = 'failed', retry_count = retry_limit, completed_on = now() WHERE id = $1::uuid`, job.id);

    expect(await recordAbandonedJobs([captureEvidenceJob])).toBe(1);
    const message = "The job did not finish within its time limit (120 s), or the worker running it stopped. Tried 2 times.";
    expect(await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).toMatchObject({ captureStatus: "failed", captureError: message, snapshotId: null });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "failed", lastError: message });
    await waitToHear(claim.id, "evidence.capture_failed");
    // Found once: the next look moves nothing.
    expect(await recordAbandonedJobs([captureEvidenceJob])).toBe(0);
  });
});

/** A page whose markup changes on every load (a token, a timestamp, an ad slot) around the same article. */
const dynamicArticle = (headline: string, paragraph: string, stamp: string) =>
  `<!doctype html><html><head><title>${headline}</title><meta name="csrf-token" content="${stamp}"><script>window.renderedAt = "${stamp}";</script></head>` +
  `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="ad" data-slot="${stamp}"></div>` +
  `<article><h1>${headline}</h1><p>${paragraph}</p><p>Officials said the rise followed higher spending on schools and roads across the region.</p></article>` +
  `<!-- rendered ${stamp} --></body></html>`;

describe("the link checker reads the page, not its markup", () => {
  const paragraph = "The council published the figures for the year on Monday, showing the budget rose by four percent.";

  async function verifiedCapture(path: string, body: string) {
    pages.set(path, { status: 200, body });
    const item = await claimWithEvidence(path);
    await waitForCapture(item.link.evidence.id);
    await db.claim.update({ where: { id: item.claim.id }, data: { state: "verified" } });
    return item;
  }
  const health = (evidenceId: string) =>
    db.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { linkHealth: true, linkProblem: true, linkUnchangedAt: true, capturedAt: true, snapshot: { select: { sha256: true, textSha256: true } } } });

  it("keeps a page ok whose markup and timestamps changed but whose text did not, and flags changed text with when it was last the same", async () => {
    const same = await verifiedCapture("/dynamic-same", dynamicArticle("Budget rises", paragraph, "2026-12-06T10:00:00Z token-a1"));
    const edited = await verifiedCapture("/dynamic-edited", dynamicArticle("Budget rises", paragraph, "2026-12-06T10:00:00Z token-b1"));
    const captured = await health(same.link.evidence.id);
    expect(captured.snapshot?.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(captured.snapshot?.textSha256).not.toBe(captured.snapshot?.sha256);

    pages.set("/dynamic-same", { status: 200, body: dynamicArticle("Budget rises", paragraph, "2026-12-13T10:00:00Z token-a2") });
    pages.set("/dynamic-edited", { status: 200, body: dynamicArticle("Budget rises", paragraph, "2026-12-13T10:00:00Z token-b2") });
    await checkEvidenceLinks({ workspaceId: same.desk.workspaceId });
    await checkEvidenceLinks({ workspaceId: edited.desk.workspaceId });
    const firstCheck = await health(same.link.evidence.id);
    expect(firstCheck).toMatchObject({ linkHealth: "ok", linkProblem: null });
    expect(firstCheck.linkUnchangedAt?.getTime()).toBeGreaterThan(captured.linkUnchangedAt?.getTime() ?? Infinity);
    expect(await health(edited.link.evidence.id)).toMatchObject({ linkHealth: "ok" });
    const lastSame = (await health(edited.link.evidence.id)).linkUnchangedAt;

    // The article itself says something else now: that is a change, whatever the markup.
    pages.set("/dynamic-edited", { status: 200, body: dynamicArticle("Budget rises", paragraph.replace("four", "fourteen"), "2026-12-20T10:00:00Z token-b3") });
    await checkEvidenceLinks({ workspaceId: edited.desk.workspaceId });
    const changed = await health(edited.link.evidence.id);
    expect(changed).toMatchObject({ linkHealth: "changed", linkProblem: "The page differs from the stored copy.", linkUnchangedAt: lastSame });
    const claimRead = await getClaim({ actor: { userId: edited.desk.viewer.id, email: edited.desk.viewer.email, name: edited.desk.viewer.name, via: "session" }, claimId: edited.claim.id });
    expect(claimRead.evidence[0]?.evidence.health).toMatchObject({ status: "changed", unchangedAt: lastSame?.toISOString() });

    // A page that now answers 404 is dead.
    pages.set("/dynamic-same", { status: 404, body: "<p>Not here</p>" });
    await checkEvidenceLinks({ workspaceId: same.desk.workspaceId });
    expect(await health(same.link.evidence.id)).toMatchObject({ linkHealth: "dead", linkProblem: "The link answered HTTP 404." });
  });

  it("reads the text hash of a copy captured before text hashes were kept from the stored copy itself", async () => {
    const older = await verifiedCapture("/older-capture", dynamicArticle("Older capture", paragraph, "stamp-1"));
    const snapshotId = (await db.evidence.findUniqueOrThrow({ where: { id: older.link.evidence.id } })).snapshotId ?? "";
    const textSha256 = (await db.snapshot.findUniqueOrThrow({ where: { id: snapshotId } })).textSha256;
    await db.snapshot.update({ where: { id: snapshotId }, data: { textSha256: null } });
    pages.set("/older-capture", { status: 200, body: dynamicArticle("Older capture", paragraph, "stamp-2") });
    await checkEvidenceLinks({ workspaceId: older.desk.workspaceId });
    expect(await health(older.link.evidence.id)).toMatchObject({ linkHealth: "ok" });
    expect((await db.snapshot.findUniqueOrThrow({ where: { id: snapshotId } })).textSha256).toBe(textSha256);
  });
});

/** Once attempt `afterAttempt` failed, lets pg-boss run the capture's retry now instead of after its backoff (the test's clock, not a sleep). */
async function runRetryNow(evidenceId: string, afterAttempt: number) {
  await vi.waitFor(
    async () => {
      const job = await db.job.findFirstOrThrow({ where: { kind: captureEvidenceJob.name, payload: { path: ["evidenceId"], equals: evidenceId } } });
      expect(job.attempts).toBe(afterAttempt);
      const moved = await db.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE id = $1::uuid AND state = 'retry'`, job.id);
      expect(moved).toBe(1);
    },
    { timeout: 20_000, interval: 100 },
  );
}

describe("a capture an owner cancels", () => {
  it("says it was cancelled, and by whom, instead of pending for ever", async () => {
    pages.set("/cancelled-capture", { status: 503, body: "busy" });
    const { desk, link } = await claimWithEvidence("/cancelled-capture");
    await vi.waitFor(async () => expect((await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).captureError).toBe("Trying again: The page answered HTTP 503."), { timeout: 20_000, interval: 100 });
    const job = await db.job.findFirstOrThrow({ where: { kind: captureEvidenceJob.name, payload: { path: ["evidenceId"], equals: link.evidence.id } } });
    await cancelJob({ actor: { userId: desk.owner.id, email: desk.owner.email, name: desk.owner.name, via: "session" }, workspaceId: desk.workspaceId, jobId: job.id });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).toMatchObject({ captureStatus: "failed", captureError: `Cancelled by ${desk.owner.name}.` });
  });
});

describe("capture retries as URL import does", () => {
  it("uses URL import's retry policy, the one definition", () => {
    expect(captureEvidenceJob.retry).toBe(FETCH_RETRY_POLICY);
    expect(captureEvidenceJob.retry).toEqual(importUrlJob.retry);
  });

  it("tries again after a 503 and a 429, saying so meanwhile, and captures the page once it answers", async () => {
    pages.set("/recovering", { status: 200, body: article("Recovering page") });
    answersInTurn.set("/recovering", [
      { status: 503, body: "busy" },
      { status: 429, body: "slow down" },
    ]);
    const { link } = await claimWithEvidence("/recovering");
    await vi.waitFor(async () => expect(await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).toMatchObject({ captureStatus: "pending", captureError: "Trying again: The page answered HTTP 503." }), { timeout: 20_000, interval: 100 });
    await runRetryNow(link.evidence.id, 1);
    await vi.waitFor(async () => expect((await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).captureError).toBe("Trying again: The page answered HTTP 429."), { timeout: 20_000, interval: 100 });
    await runRetryNow(link.evidence.id, 2);
    await waitForCapture(link.evidence.id);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).toMatchObject({ captureStatus: "captured", captureError: null, title: "Recovering page" });
  });

  it("says why when the retries are spent", async () => {
    pages.set("/always-down", { status: 502, body: "bad gateway" });
    const { desk, claim, link } = await claimWithEvidence("/always-down");
    await runRetryNow(link.evidence.id, 1);
    await runRetryNow(link.evidence.id, 2);
    await waitForCapture(link.evidence.id);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: link.evidence.id } })).toMatchObject({ captureStatus: "failed", captureHttpStatus: 502, captureError: "The page answered HTTP 502. (tried 3 times)" });
    const job = await db.job.findFirstOrThrow({ where: { kind: captureEvidenceJob.name, payload: { path: ["evidenceId"], equals: link.evidence.id } } });
    expect(job).toMatchObject({ state: "failed", attempts: 3 });
    const read = await getClaim({ actor: { userId: desk.viewer.id, email: desk.viewer.email, name: desk.viewer.name, via: "session" }, claimId: claim.id });
    expect(read.evidence[0]?.evidence.capture).toMatchObject({ status: "failed", error: "The page answered HTTP 502. (tried 3 times)" });
  });
});
