import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as redeliverRoute } from "@/app/api/v1/workspaces/[workspaceId]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route";
import { GET as listDeliveriesRoute } from "@/app/api/v1/workspaces/[workspaceId]/webhooks/[webhookId]/deliveries/route";
import { PATCH as updateWebhookRoute } from "@/app/api/v1/workspaces/[workspaceId]/webhooks/[webhookId]/route";
import { GET as listWebhooksRoute, POST as createWebhookRoute } from "@/app/api/v1/workspaces/[workspaceId]/webhooks/route";
import { updateClaim } from "@/lib/claims/server/update-claim";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import { recordAbandonedJobs } from "@/lib/jobs/server/abandoned-jobs";
import { JOB_SCHEMA, stopJobBoss } from "@/lib/jobs/server/job-boss";
import { queueBoss } from "@/lib/jobs/server/job-kinds";
import { type JobWorkers, startJobWorkers } from "@/lib/jobs/server/job-workers";
import type { CreatedWebhook, WebhookDelivery, WebhookDeliveryPage, WebhookList } from "@/lib/webhooks/webhook.schemas";
import { verifyWebhookSignature } from "@/lib/webhooks/webhook-signature";
import { deliverWebhookJob } from "@/lib/webhooks/server/deliver-webhook-job";
import { createDesk, db } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

// A receiver on 127.0.0.1 (the one port the test-only FETCH_ALLOW_LOOPBACK_PORT opens), the job queue
// on the test database, a worker here. Retries wait 1 s, then 2 s (pg-boss's backoff, jittered).

type Received = { path: string; headers: IncomingMessage["headers"]; body: string };
const received: Received[] = [];
/** Paths that answer 500 until taken off the list. */
const failing = new Set<string>();
/** Answers to requests on /hooks/held, sent when the test says. */
const heldAnswers: (() => void)[] = [];

let server: Server;
let port = 0;
let workers: JobWorkers;

function receive(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const path = new URL(request.url ?? "/", "http://test").pathname;
    received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    if (path === "/hooks/held") {
      heldAnswers.push(() => response.writeHead(200, { "content-type": "text/plain" }).end("late"));
      return;
    }
    if (path === "/redirect") {
      response.writeHead(307, { location: "/hooks/ok" });
      response.end();
      return;
    }
    const isFailing = failing.has(path);
    response.writeHead(isFailing ? 500 : 200, { "content-type": "text/plain" });
    response.end(isFailing ? "receiver is down" : "thanks");
  });
}

beforeAll(async () => {
  server = createServer(receive);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // Read once by lib/env.ts, which nothing has asked yet in this file's process.
  // eslint-disable-next-line no-restricted-syntax -- the test's own settings, set before lib/env.ts reads them
  Object.assign(process.env, { FETCH_ALLOW_LOOPBACK_PORT: String(port), WEBHOOK_RETRY_LIMIT: "2", WEBHOOK_RETRY_DELAY_SECONDS: "1" });
  // A test below looks for abandoned runs itself (recordAbandonedJobs), so the workers do not.
  workers = await startJobWorkers({ kinds: [deliverWebhookJob], concurrency: 2, pollingIntervalSeconds: 0.5, abandonedSweepSeconds: 3600 });
  // Start this process's queue before any transaction queues through it: starting pg-boss (its queue
  // DDL) inside update-claim's transaction stalled another test file's jobs on the shared database.
  await queueBoss();
});

afterAll(async () => {
  for (const answer of heldAnswers.splice(0)) answer();
  await workers.stop();
  await stopJobBoss();
  await new Promise((resolve) => server.close(resolve));
});

async function register(desk: Awaited<ReturnType<typeof createDesk>>, path: string, events: string[] = ["claim.verified", "passage.created"]) {
  const answer = await callRoute(createWebhookRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks`, {
    params: { workspaceId: desk.workspaceId },
    body: { url: `http://127.0.0.1:${port}${path}`, events, description: "Newsroom CMS" },
    as: desk.owner,
  });
  expect(answer.status).toBe(201);
  return answer.body as CreatedWebhook;
}

async function verifyClaim(desk: Awaited<ReturnType<typeof createDesk>>) {
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "The river rose by two metres overnight." });
  const claim = await createClaimRecord(db, { passage, exact: "The river rose by two metres", createdById: desk.reviewer.id, label: "factual", state: "in_review" });
  await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: claim.id, createdById: desk.reviewer.id, url: `https://example.org/river-${claim.id}`, title: "Gauge", stance: "supports" });
  await updateClaim({ actor: { ...desk.owner, userId: desk.owner.id, via: "session" }, claimId: claim.id, version: claim.version, input: { state: "verified", verdict: "true" } });
  return claim;
}

async function deliveriesOf(desk: Awaited<ReturnType<typeof createDesk>>, webhookId: string): Promise<WebhookDelivery[]> {
  const answer = await callRoute(listDeliveriesRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhookId}/deliveries`, {
    params: { workspaceId: desk.workspaceId, webhookId },
    as: desk.owner,
  });
  expect(answer.status).toBe(200);
  return (answer.body as WebhookDeliveryPage).items;
}

async function waitForDelivery(desk: Awaited<ReturnType<typeof createDesk>>, webhookId: string, isDone: (delivery: WebhookDelivery) => boolean) {
  let found: WebhookDelivery | undefined;
  await vi.waitFor(
    async () => {
      found = (await deliveriesOf(desk, webhookId))[0];
      expect(found && isDone(found)).toBe(true);
    },
    { timeout: 20_000, interval: 100 },
  );
  return found as WebhookDelivery;
}

describe("webhooks", () => {
  it("sends a verified claim to the receiver, signed so the documented recipe verifies it; the secret is shown once", async () => {
    const desk = await createDesk();
    const webhook = await register(desk, "/hooks/ok");
    expect(webhook.secret).toMatch(/^whsec_/);
    const listed = await callRoute(listWebhooksRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/webhooks`, { params: { workspaceId: desk.workspaceId }, as: desk.owner });
    expect(JSON.stringify(listed.body)).not.toContain(webhook.secret);
    expect((listed.body as WebhookList).items).toHaveLength(1);

    const claim = await verifyClaim(desk);
    const delivery = await waitForDelivery(desk, webhook.id, (item) => item.state === "succeeded");
    expect(delivery).toMatchObject({ type: "claim.verified", httpStatus: 200, attempt: 1, responseExcerpt: "thanks", nextRetryAt: null });
    expect(delivery.latencyMs).toBeGreaterThanOrEqual(0);

    const request = received.find((item) => item.path === "/hooks/ok" && item.body.includes(claim.id));
    expect(request).toBeDefined();
    const body = JSON.parse(request?.body ?? "{}") as { id: string; type: string; workspaceId: string; data: { claim: { id: string; state: string } } };
    expect(body).toMatchObject({ id: delivery.eventId, type: "claim.verified", workspaceId: desk.workspaceId, data: { claim: { id: claim.id, state: "verified" } } });
    expect(request?.headers["claimdesk-webhook-id"]).toBe(delivery.eventId);
    expect(request?.headers["content-type"]).toBe("application/json");
    const signed = { secret: webhook.secret, timestamp: String(request?.headers["claimdesk-webhook-timestamp"]), body: request?.body ?? "", signature: String(request?.headers["claimdesk-webhook-signature"]) };
    expect(verifyWebhookSignature(signed)).toBe(true);
    expect(verifyWebhookSignature({ ...signed, secret: "whsec_wrong" })).toBe(false);
  });

  it("retries a failing receiver with growing waits, then lets an owner redeliver", async () => {
    const desk = await createDesk();
    failing.add("/hooks/down");
    const webhook = await register(desk, "/hooks/down");
    await verifyClaim(desk);

    const retrying = await waitForDelivery(desk, webhook.id, (item) => item.state === "retrying" && item.attempt === 1);
    expect(retrying).toMatchObject({ httpStatus: 500, responseExcerpt: "receiver is down", error: "The endpoint answered HTTP 500." });
    const firstWait = Date.parse(retrying.nextRetryAt ?? "") - Date.parse(retrying.lastAttemptAt ?? "");
    const second = await waitForDelivery(desk, webhook.id, (item) => item.attempt === 2);
    const secondWait = Date.parse(second.nextRetryAt ?? "") - Date.parse(second.lastAttemptAt ?? "");
    expect(firstWait).toBe(1000);
    expect(secondWait).toBe(2000);
    const failed = await waitForDelivery(desk, webhook.id, (item) => item.state === "failed");
    expect(failed).toMatchObject({ attempt: 3, nextRetryAt: null });
    expect(received.filter((item) => item.path === "/hooks/down")).toHaveLength(3);
    // The delivery's row is written in the attempt; the job's row just after it, when the attempt ends.
    await vi.waitFor(async () => expect(await db.job.findFirstOrThrow({ where: { workspaceId: desk.workspaceId, kind: "webhook.deliver" } })).toMatchObject({ state: "failed", attempts: 3 }), {
      timeout: 10_000,
      interval: 100,
    });

    failing.delete("/hooks/down");
    const redelivered = await callRoute(redeliverRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhook.id}/deliveries/${failed.id}/redeliver`, {
      params: { workspaceId: desk.workspaceId, webhookId: webhook.id, deliveryId: failed.id },
      as: desk.owner,
    });
    expect(redelivered.status).toBe(202);
    const succeeded = await waitForDelivery(desk, webhook.id, (item) => item.state === "succeeded");
    expect(succeeded).toMatchObject({ id: failed.id, eventId: failed.eventId, attempt: 4, httpStatus: 200 });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).failingSince).toBeNull();
  });

  it("switches off an endpoint that has failed for a day, and tells the owners", async () => {
    const desk = await createDesk();
    failing.add("/hooks/gone");
    const webhook = await register(desk, "/hooks/gone");
    await db.webhook.update({ where: { id: webhook.id }, data: { failingSince: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    await verifyClaim(desk);
    const failed = await waitForDelivery(desk, webhook.id, (item) => item.state === "failed");
    expect(failed.attempt).toBe(1);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.isEnabled).toBe(false);
    expect(row.disabledReason).toContain("failed for a day");
    expect(await db.notification.count({ where: { userId: desk.owner.id, kind: "webhook_disabled" } })).toBe(1);

    const redelivered = await callRoute(redeliverRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhook.id}/deliveries/${failed.id}/redeliver`, {
      params: { workspaceId: desk.workspaceId, webhookId: webhook.id, deliveryId: failed.id },
      as: desk.owner,
    });
    expect(redelivered.status).toBe(409);
  });

  it("refuses an internal address at registration, and at delivery when the address became one", async () => {
    const desk = await createDesk();
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://10.0.0.5/hook", "http://[::1]/hook", `http://127.0.0.1:${port + 1}/hook`]) {
      const answer = await callRoute(createWebhookRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks`, {
        params: { workspaceId: desk.workspaceId },
        body: { url, events: ["claim.verified"] },
        as: desk.owner,
      });
      expect(answer.status, url).toBe(400);
      expect((answer.body as { error: { code: string } }).error.code).toBe("url_not_allowed");
    }
    const patched = await callRoute(updateWebhookRoute, "PATCH", `/api/v1/workspaces/${desk.workspaceId}/webhooks/x`, {
      params: { workspaceId: desk.workspaceId, webhookId: (await register(desk, "/hooks/ok")).id },
      body: { url: "http://192.168.1.1/hook" },
      as: desk.owner,
    });
    expect(patched.status).toBe(400);

    // Stored before the check existed, or a name that now resolves inside: each delivery checks again.
    const webhook = await register(desk, "/hooks/ok", ["claim.verified"]);
    await db.webhook.update({ where: { id: webhook.id }, data: { url: "http://127.0.0.2:8080/hook" } });
    await verifyClaim(desk);
    const failed = await waitForDelivery(desk, webhook.id, (item) => item.state === "failed");
    expect(failed).toMatchObject({ attempt: 1, httpStatus: null });
    expect(failed.error).toContain("private network");
  });

  it("never follows a receiver's redirect", async () => {
    const desk = await createDesk();
    const webhook = await register(desk, "/redirect", ["claim.verified"]);
    const before = received.length;
    await verifyClaim(desk);
    const retrying = await waitForDelivery(desk, webhook.id, (item) => item.attempt >= 1);
    expect(retrying.error).toContain("never follow redirects");
    expect(received.slice(before).some((item) => item.path === "/hooks/ok")).toBe(false);
  });

  it("says a delivery failed when its last run was lost (its worker stopped mid-request), instead of pending for ever", async () => {
    const desk = await createDesk();
    const webhook = await register(desk, "/hooks/held", ["claim.verified"]);
    await verifyClaim(desk);
    // The request reached the receiver and waits for its answer; the job's row says running.
    await vi.waitFor(async () => expect(await db.job.findFirst({ where: { workspaceId: desk.workspaceId, kind: deliverWebhookJob.name, state: "running" } })).not.toBeNull(), { timeout: 20_000, interval: 100 });
    expect((await deliveriesOf(desk, webhook.id))[0]?.state).toBe("pending");
    const job = await db.job.findFirstOrThrow({ where: { workspaceId: desk.workspaceId, kind: deliverWebhookJob.name } });
    // What pg-boss's maintenance leaves when that worker dies with no attempt left.
    await db.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET state = 'failed', retry_count = retry_limit, completed_on = now() WHERE id = $1::uuid`, job.id);

    expect(await recordAbandonedJobs([deliverWebhookJob])).toBe(1);
    const message = "The job did not finish within its time limit (60 s), or the worker running it stopped.";
    expect((await deliveriesOf(desk, webhook.id))[0]).toMatchObject({ state: "failed", error: message, nextRetryAt: null });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "failed", lastError: message });
  });

  it("is for owners only", async () => {
    const desk = await createDesk();
    const answer = await callRoute(createWebhookRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks`, {
      params: { workspaceId: desk.workspaceId },
      body: { url: "https://example.org/hook", events: ["claim.verified"] },
      as: desk.editor,
    });
    expect(answer.status).toBe(403);
  });
});
