import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { GET as getSnapshotRoute } from "@/app/api/v1/snapshots/[snapshotId]/route";
import type { EvidenceLink } from "@/lib/evidence/evidence.schemas";
import { captureEvidenceJob } from "@/lib/evidence/server/capture-evidence";
import { checkEvidenceLinks } from "@/lib/evidence/server/check-evidence-links";
import { getClaim } from "@/lib/claims/server/get-claim";
import { listClaims } from "@/lib/claims/server/list-claims";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import { stopJobBoss } from "@/lib/jobs/server/job-boss";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/server/job-workers";
import { createDesk, db } from "@/scripts/test/desk";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

// Evidence capture and the link checker against a web server on 127.0.0.1 (the test-only
// FETCH_ALLOW_LOOPBACK_PORT), with the job queue on the test database and a worker here.

const pages = new Map<string, { status: number; body: string }>();

function serve(request: IncomingMessage, response: ServerResponse) {
  const path = new URL(request.url ?? "/", "http://test").pathname;
  const page = pages.get(path) ?? { status: 404, body: "<p>Not here</p>" };
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
  workers = await startJobWorkers({ kinds: [captureEvidenceJob], concurrency: 2 });
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

  it("leaves the evidence of claims that are not verified alone", async () => {
    pages.set("/draft", { status: 200, body: article("Draft page") });
    const draft = await claimWithEvidence("/draft");
    await waitForCapture(draft.link.evidence.id);
    pages.set("/draft", { status: 500, body: "down" });
    expect(await checkEvidenceLinks({ workspaceId: draft.desk.workspaceId })).toEqual({ checked: 0, dead: 0, changed: 0 });
  });
});
