import { NextRequest } from "next/server";
import { stopJobBoss } from "@/lib/jobs/server/job-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClaimRecord, createPassageRecord, createApiTokenRecord, createJobRecord, createReleaseRecord, createSnapshotRecord, createUserRecord, addMemberRecord, linkWebEvidenceRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import { errorResponse } from "@/lib/http/define-route";
import { configureWriteRateLimits } from "@/lib/http/write-rate-limit";
import type { ImportReport } from "@/lib/imports/import.schemas";
import * as importRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/route";
import * as passagesRoute from "@/app/api/v1/workspaces/[workspaceId]/passages/route";
import { findUnsafeText } from "@/lib/http/text.schemas";
import { API_METHODS, apiRouteFiles, type ApiMethod, type RouteHandler } from "@/scripts/test/api-routes";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

// Every /api/v1 endpoint, with a valid request in which one string at a time (a path id, a query
// parameter or a string anywhere in the JSON body) gets a NUL or an unpaired surrogate appended:
// the answer is a 400 in the error shape naming that field, never a 500. The samples are written
// here; which strings to spoil is read from them, so a new field in a sample is walked too.

type Desk = Awaited<ReturnType<typeof createDesk>>;
type Sample = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A body that is not JSON (imports): sent as is; its own tests cover what is inside. */
  rawBody?: { text: string; contentType: string };
  headers?: Record<string, string>;
  /** Who sends it; the desk's owner unless said otherwise. */
  as?: TestUser;
};
type Answer = { status: number; body: unknown };

const BAD = { nul: "\u0000", "lone surrogate": "\ud800" } as const;
const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent. The mayor said the budget grew.";
const QUOTE = "Unemployment fell to 5.1 percent in October.";

const passage = (desk: Desk) => createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} Ref ${uniqueSuffix()}.` });
async function claim(desk: Desk, input: { state?: "verified"; label?: "factual" } = {}) {
  return createClaimRecord(db, { passage: await passage(desk), exact: QUOTE, createdById: desk.owner.id, ...input });
}
async function publishableClaim(desk: Desk) {
  const found = await claim(desk, { state: "verified", label: "factual" });
  await db.rating.createMany({ data: [{ workspaceId: desk.workspaceId, key: "false", name: "False", position: 0 }], skipDuplicates: true });
  await db.claim.update({ where: { id: found.id }, data: { verdict: "false" } });
  return found;
}
async function evidenceLink(desk: Desk, claimId: string) {
  return linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId, createdById: desk.owner.id, url: `https://example.org/${uniqueSuffix()}`, title: "Jobs report", stance: "supports" });
}
const savedView = (desk: Desk) =>
  db.savedView.create({ data: { workspaceId: desk.workspaceId, ownerId: desk.owner.id, name: "Drafts", visibility: "shared", filter: { state: "draft" } }, select: { id: true } });
const ws = (desk: Desk) => ({ workspaceId: desk.workspaceId });
const job = (desk: Desk, state: "failed" | "queued") => createJobRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, state });
const snapshot = (desk: Desk) => createSnapshotRecord(db, { workspaceId: desk.workspaceId });
const gone = { deletedAt: new Date(), deletedById: null };

/** A webhook with one finished delivery (redeliverable). */
async function webhook(desk: Desk) {
  const row = await db.webhook.create({
    data: { workspaceId: desk.workspaceId, url: "https://93.184.215.14/hook", events: ["claim.verified"], secret: "whsec_sample" },
    select: { id: true },
  });
  const event = await db.webhookEvent.create({ data: { workspaceId: desk.workspaceId, type: "claim.verified", data: {} }, select: { id: true } });
  const delivery = await db.webhookDelivery.create({ data: { webhookId: row.id, eventId: event.id, state: "failed", attempts: 1 }, select: { id: true } });
  return { webhookId: row.id, deliveryId: delivery.id };
}

const SAMPLES: Record<string, (desk: Desk) => Promise<Sample>> = {
  "GET /api/v1/claims/{claimId}": async (desk) => ({ params: { claimId: (await claim(desk)).id } }),
  "PATCH /api/v1/claims/{claimId}": async (desk) => {
    const { id, version } = await claim(desk);
    const other = await claim(desk);
    return {
      params: { claimId: id },
      headers: { "if-match": `"${version}"` },
      body: { statement: "Unemployment fell.", label: "factual", verdict: "mostly-true", verdictNote: "Checked against the report.", assigneeId: desk.editor.id, duplicateOfId: other.id },
    };
  },
  "DELETE /api/v1/claims/{claimId}": async (desk) => ({ params: { claimId: (await claim(desk)).id } }),
  "GET /api/v1/claims/{claimId}/blind-label": async (desk) => ({ params: { claimId: (await claim(desk)).id } }),
  "PUT /api/v1/claims/{claimId}/blind-label": async (desk) => {
    await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: true } });
    return { params: { claimId: (await claim(desk)).id }, body: { label: "factual" }, as: desk.reviewer };
  },
  "GET /api/v1/claims/{claimId}/comments": async (desk) => ({ params: { claimId: (await claim(desk)).id }, query: { limit: "10" } }),
  "POST /api/v1/claims/{claimId}/comments": async (desk) => ({ params: { claimId: (await claim(desk)).id }, body: { body: `Looks right, @${desk.editor.name}.` } }),
  "POST /api/v1/claims/{claimId}/evidence": async (desk) => ({
    params: { claimId: (await claim(desk)).id },
    body: {
      stance: "supports",
      url: `https://example.org/report-${uniqueSuffix()}`,
      title: "Jobs report",
      publisher: "Statistics office",
      quote: "fell to 5.1 percent",
      note: "Table 3",
      accessedAt: "2026-11-01",
    },
  }),
  "DELETE /api/v1/claims/{claimId}/evidence/{linkId}": async (desk) => {
    const { id } = await claim(desk);
    return { params: { claimId: id, linkId: (await evidenceLink(desk, id)).id }, query: { correctionNote: "Removed a source that was withdrawn." } };
  },
  "POST /api/v1/claims/{claimId}/publication": async (desk) => ({ params: { claimId: (await publishableClaim(desk)).id } }),
  "DELETE /api/v1/claims/{claimId}/publication": async (desk) => {
    const { id } = await publishableClaim(desk);
    await db.publication.create({ data: { claimId: id, workspaceId: desk.workspaceId, slug: `bad-input-${uniqueSuffix()}` } });
    return { params: { claimId: id } };
  },
  "POST /api/v1/claims/{claimId}/evidence/borrow": async (desk) => {
    const from = await claim(desk, { state: "verified", label: "factual" });
    await evidenceLink(desk, from.id);
    return { params: { claimId: (await claim(desk)).id }, body: { fromClaimId: from.id } };
  },
  "GET /api/v1/claims/{claimId}/history": async (desk) => ({ params: { claimId: (await claim(desk)).id } }),
  "GET /api/v1/claims/{claimId}/matches": async (desk) => ({ params: { claimId: (await claim(desk)).id }, query: { limit: "5" } }),
  "POST /api/v1/claims/{claimId}/anchor": async (desk) => {
    const { id, version } = await claim(desk);
    return { params: { claimId: id }, headers: { "if-match": `"${version}"` }, body: { action: "place", exact: "Critics say 7 percent.", prefix: "October. ", suffix: " The mayor" } };
  },
  "POST /api/v1/claims/{claimId}/restore": async (desk) => {
    const { id } = await claim(desk);
    await db.claim.update({ where: { id }, data: gone });
    return { params: { claimId: id } };
  },
  "POST /api/v1/invitations/{token}/accept": async (desk) => {
    const invitee = await createUserRecord(db);
    const created = await callRoute(await handler("POST", "/api/v1/workspaces/{workspaceId}/invitations"), "POST", `/api/v1/workspaces/${desk.workspaceId}/invitations`, {
      as: desk.owner,
      params: ws(desk),
      body: { email: invitee.email, role: "viewer" },
    });
    if (created.status !== 201) throw new Error(`Could not invite: ${created.status} ${JSON.stringify(created.body)}`);
    const token = new URL((created.body as { url: string }).url).pathname.split("/").pop() ?? "";
    return { params: { token }, as: invitee };
  },
  "GET /api/v1/me": async () => ({}),
  "PUT /api/v1/me/password": async () => {
    const user = await createUserRecord(db);
    return { as: user, body: { currentPassword: user.password, newPassword: `Tidal-harbour-lantern-${uniqueSuffix()}` } };
  },
  "DELETE /api/v1/me/sessions": async () => ({ as: await createUserRecord(db) }),
  "GET /api/v1/notifications": async () => ({ query: { unread: "true", limit: "10" } }),
  "POST /api/v1/notifications/read": async (desk) => {
    const notification = await db.notification.findFirst({ where: { userId: desk.owner.id }, select: { id: true } });
    return { body: { ids: [notification?.id ?? "no-such-notification"] } };
  },
  "GET /api/v1/openapi.json": async () => ({}),
  "GET /api/v1/passages/{passageId}": async (desk) => ({ params: { passageId: (await passage(desk)).id } }),
  "PATCH /api/v1/passages/{passageId}": async (desk) => ({
    params: { passageId: (await passage(desk)).id },
    body: { title: "Budget speech", sourceUrl: "https://example.org/speech", publisher: "City Hall", author: "The mayor", publishedAt: "2026-10-30", language: "en" },
  }),
  "DELETE /api/v1/passages/{passageId}": async (desk) => ({ params: { passageId: (await passage(desk)).id } }),
  "GET /api/v1/passages/{passageId}/revisions": async (desk) => ({ params: { passageId: (await passage(desk)).id } }),
  "POST /api/v1/passages/{passageId}/revisions": async (desk) => {
    const { id, text } = await passage(desk);
    return { params: { passageId: id }, headers: { "if-match": '"1"' }, body: { text: `${text} Corrected.`, note: "Corrected the figure" } };
  },
  "GET /api/v1/passages/{passageId}/revisions/{number}": async (desk) => ({ params: { passageId: (await passage(desk)).id, number: "1" } }),
  "GET /api/v1/passages/{passageId}/claims": async (desk) => ({ params: { passageId: (await passage(desk)).id }, query: { all: "true" } }),
  "POST /api/v1/passages/{passageId}/claims": async (desk) => ({
    params: { passageId: (await passage(desk)).id },
    body: { exact: "5.1 percent", prefix: "fell to ", suffix: " in October", statement: "Unemployment is 5.1 percent.", label: "factual" },
  }),
  "POST /api/v1/passages/{passageId}/claims/batch": async (desk) => ({
    params: { passageId: (await passage(desk)).id },
    body: {
      claims: [
        { exact: "5.1 percent", prefix: "fell to ", suffix: " in October", statement: "Unemployment is 5.1 percent.", label: "factual" },
        { start: 0, end: 12, statement: "Unemployment." },
      ],
    },
  }),
  "POST /api/v1/passages/{passageId}/restore": async (desk) => {
    const { id } = await passage(desk);
    await db.passage.update({ where: { id }, data: gone });
    return { params: { passageId: id } };
  },
  "GET /api/v1/passages/{passageId}/suggestions": async (desk) => ({ params: { passageId: (await passage(desk)).id }, query: { minScore: "0" } }),
  "POST /api/v1/passages/{passageId}/suggestions/accept": async (desk) => ({ params: { passageId: (await passage(desk)).id }, body: { minScore: 0 } }),
  "POST /api/v1/passages/{passageId}/suggestions/dismissals": async (desk) => ({
    params: { passageId: (await passage(desk)).id },
    body: { start: 0, end: QUOTE.length },
  }),
  "GET /api/v1/tokens": async () => ({}),
  "POST /api/v1/tokens": async () => ({ body: { name: "Newsroom script", expiresInDays: 30 } }),
  "DELETE /api/v1/tokens/{tokenId}": async (desk) => ({ params: { tokenId: (await createApiTokenRecord(db, { userId: desk.owner.id })).id } }),
  "POST /api/v1/users": async () => ({ body: { email: `new-${uniqueSuffix()}@example.test`, password: "a long enough passphrase", name: "New Person" } }),
  "GET /api/v1/workspaces": async () => ({ query: { limit: "10" } }),
  "POST /api/v1/workspaces": async () => ({ body: { name: `Desk ${uniqueSuffix()}` } }),
  "GET /api/v1/workspaces/{workspaceId}": async (desk) => ({ params: ws(desk) }),
  "PATCH /api/v1/workspaces/{workspaceId}": async (desk) => ({ params: ws(desk), body: { name: `Desk ${uniqueSuffix()}` } }),
  "GET /api/v1/workspaces/{workspaceId}/agreement": async (desk) => ({ params: ws(desk) }),
  "GET /api/v1/workspaces/{workspaceId}/blind-review": async (desk) => ({ params: ws(desk), query: { status: "all", isDecided: "false" } }),
  "GET /api/v1/workspaces/{workspaceId}/claims": async (desk) => {
    const { id } = await passage(desk);
    return { params: ws(desk), query: { q: "unemployment", passageId: id, assigneeId: desk.owner.id, label: "factual", state: "draft", anchor: "changed,orphaned", needsReview: "true", sort: "statement", order: "desc", limit: "10" } };
  },
  "POST /api/v1/workspaces/{workspaceId}/claims/bulk": async (desk) => {
    const { id, version } = await claim(desk);
    return { params: ws(desk), body: { claimIds: [id], changes: { label: "opinion", assigneeId: desk.editor.id }, versions: { [id]: version } } };
  },
  "GET /api/v1/workspaces/{workspaceId}/duplicates": async (desk) => ({ params: ws(desk), query: { limit: "10" } }),
  "GET /api/v1/workspaces/{workspaceId}/events": async (desk) => ({ params: ws(desk), query: { passageId: (await passage(desk)).id } }),
  "GET /api/v1/workspaces/{workspaceId}/export": async (desk) => ({
    params: ws(desk),
    query: { format: "jsonl", state: "all", label: "factual", passageId: (await passage(desk)).id, assigneeId: desk.owner.id, since: "2026-01-01" },
  }),
  "POST /api/v1/workspaces/{workspaceId}/imports": async (desk) => {
    const { id } = await passage(desk);
    const annotation = { type: "Annotation", motivation: "assessing", target: { source: `http://localhost:3000/w/${desk.workspaceId}/passages/${id}`, selector: { type: "TextQuoteSelector", exact: QUOTE } } };
    return { params: ws(desk), rawBody: { text: JSON.stringify(annotation), contentType: "application/ld+json" } };
  },
  "GET /api/v1/workspaces/{workspaceId}/invitations": async (desk) => ({ params: ws(desk), query: { limit: "10" } }),
  "POST /api/v1/workspaces/{workspaceId}/invitations": async (desk) => ({ params: ws(desk), body: { email: `invitee-${uniqueSuffix()}@example.test`, role: "reviewer" } }),
  "DELETE /api/v1/workspaces/{workspaceId}/invitations/{invitationId}": async (desk) => {
    const invitation = await db.invitation.create({
      data: { workspaceId: desk.workspaceId, email: `i-${uniqueSuffix()}@example.test`, role: "viewer", tokenHash: uniqueSuffix() + uniqueSuffix(), invitedById: desk.owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
      select: { id: true },
    });
    return { params: { ...ws(desk), invitationId: invitation.id } };
  },
  "GET /api/v1/workspaces/{workspaceId}/webhooks": async (desk) => ({ params: ws(desk) }),
  "POST /api/v1/workspaces/{workspaceId}/webhooks": async (desk) => ({
    params: ws(desk),
    body: { url: "https://93.184.215.14/hook", events: ["claim.verified", "passage.created"], description: "Newsroom CMS" },
  }),
  "PATCH /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}": async (desk) => ({
    params: { ...ws(desk), webhookId: (await webhook(desk)).webhookId },
    body: { description: "CMS", events: ["claim.rejected"], isEnabled: false },
  }),
  "DELETE /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}": async (desk) => ({ params: { ...ws(desk), webhookId: (await webhook(desk)).webhookId } }),
  "GET /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries": async (desk) => ({
    params: { ...ws(desk), webhookId: (await webhook(desk)).webhookId },
    query: { limit: "10" },
  }),
  "POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": async (desk) => ({ params: { ...ws(desk), ...(await webhook(desk)) } }),
  "GET /api/v1/workspaces/{workspaceId}/members": async (desk) => ({ params: ws(desk), query: { limit: "10" } }),
  "PATCH /api/v1/workspaces/{workspaceId}/members/{userId}": async (desk) => {
    const user = await createUserRecord(db);
    await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: user.id, role: "viewer" });
    return { params: { ...ws(desk), userId: user.id }, body: { role: "editor" } };
  },
  "DELETE /api/v1/workspaces/{workspaceId}/members/{userId}": async (desk) => {
    const user = await createUserRecord(db);
    await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: user.id, role: "viewer" });
    return { params: { ...ws(desk), userId: user.id } };
  },
  "GET /api/v1/workspaces/{workspaceId}/passages": async (desk) => ({ params: ws(desk), query: { q: "speech", limit: "10" } }),
  "POST /api/v1/workspaces/{workspaceId}/passages": async (desk) => ({
    params: ws(desk),
    body: {
      title: "Budget speech",
      text: `${TEXT} ${uniqueSuffix()}`,
      sourceUrl: "https://example.org/speech",
      publisher: "City Hall",
      author: "The mayor",
      publishedAt: "2026-10-30T09:00:00Z",
      language: "en",
    },
  }),
  "GET /api/v1/workspaces/{workspaceId}/rating-scale": async (desk) => ({ params: ws(desk) }),
  "PUT /api/v1/workspaces/{workspaceId}/rating-scale": async (desk) => {
    const current = await callRoute(await handler("GET", "/api/v1/workspaces/{workspaceId}/rating-scale"), "GET", `/api/v1/workspaces/${desk.workspaceId}/rating-scale`, { as: desk.owner, params: ws(desk) });
    const { version } = current.body as { version: string };
    return {
      params: ws(desk),
      headers: { "if-match": `"${version}"` },
      body: {
        ratings: [
          { key: "true", name: "True", description: "Accurate.", value: 3, retired: false },
          { key: "false", name: "False", description: "Not accurate.", value: 1 },
          { key: "satire", name: "Satire", description: "Not meant as fact.", value: null, retired: true },
        ],
      },
    };
  },
  "GET /api/v1/workspaces/{workspaceId}/views": async (desk) => ({ params: ws(desk) }),
  "GET /api/v1/workspaces/{workspaceId}/jobs": async (desk) => ({ params: ws(desk), query: { limit: "10", state: "failed" } }),
  "GET /api/v1/workspaces/{workspaceId}/jobs/{jobId}": async (desk) => ({ params: { ...ws(desk), jobId: (await job(desk, "failed")).id } }),
  "POST /api/v1/workspaces/{workspaceId}/jobs/{jobId}/retry": async (desk) => ({ params: { ...ws(desk), jobId: (await job(desk, "failed")).id } }),
  "POST /api/v1/workspaces/{workspaceId}/jobs/{jobId}/cancel": async (desk) => ({ params: { ...ws(desk), jobId: (await job(desk, "queued")).id } }),
  "GET /api/v1/snapshots/{snapshotId}": async (desk) => ({ params: { snapshotId: (await snapshot(desk)).id } }),
  "POST /api/v1/workspaces/{workspaceId}/views": async (desk) => ({
    params: ws(desk),
    body: { name: "Disputed drafts", visibility: "shared", filter: { label: "disputed", state: "draft", passageId: (await passage(desk)).id, q: "percent", sort: "evidence_count", order: "desc" } },
  }),
  "PATCH /api/v1/workspaces/{workspaceId}/views/{viewId}": async (desk) => {
    const view = await savedView(desk);
    return { params: { ...ws(desk), viewId: view.id }, body: { name: "Renamed", visibility: "personal", filter: { assigneeId: desk.owner.id, sort: "updated" } } };
  },
  "DELETE /api/v1/workspaces/{workspaceId}/views/{viewId}": async (desk) => ({ params: { ...ws(desk), viewId: (await savedView(desk)).id } }),
  "GET /api/v1/workspaces/{workspaceId}/release-settings": async (desk) => ({ params: ws(desk) }),
  "PUT /api/v1/workspaces/{workspaceId}/release-settings": async (desk) => ({ params: ws(desk), body: { licence: "ODbL-1.0" } }),
  "GET /api/v1/workspaces/{workspaceId}/releases": async (desk) => {
    await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id });
    return { params: ws(desk), query: { limit: "10" } };
  },
  "POST /api/v1/workspaces/{workspaceId}/releases": async (desk) => {
    const verified = await claim(desk, { state: "verified", label: "factual" });
    const { passageId } = await db.claim.update({ where: { id: verified.id }, data: { assigneeId: desk.owner.id }, select: { passageId: true } });
    return {
      params: ws(desk),
      body: { name: "November set", licence: "CC-BY-4.0", filter: { state: "verified", label: "factual", passageId, assigneeId: desk.owner.id, q: "percent", sort: "statement", order: "asc" } },
    };
  },
  "GET /api/v1/workspaces/{workspaceId}/releases/{number}": async (desk) => ({
    params: { ...ws(desk), number: String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number) },
  }),
  "GET /api/v1/workspaces/{workspaceId}/releases/{number}/files/{format}": async (desk) => ({
    params: { ...ws(desk), number: String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number), format: "csv" },
  }),
  "GET /api/v1/workspaces/{workspaceId}/releases/{number}/diff": async (desk) => {
    const { number } = await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id });
    return { params: { ...ws(desk), number: String(number) }, query: { against: String(number) } };
  },
  "GET /api/v1/workspaces/{workspaceId}/releases/{number}/datapackage.json": async (desk) => ({
    params: { ...ws(desk), number: String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number) },
  }),
  "GET /api/v1/workspaces/{workspaceId}/search": async (desk) => ({ params: ws(desk), query: { q: '"5.1 percent" OR budget -critics', kind: "claim", limit: "10" } }),
};

const ROUTES = apiRouteFiles().flatMap((route) => route.methods.map((method) => ({ endpoint: `${method} ${route.template}`, method, route })));

async function handler(method: ApiMethod, template: string): Promise<RouteHandler> {
  const route = apiRouteFiles().find((candidate) => candidate.template === template);
  const found = (await route?.load())?.[method];
  if (!found) throw new Error(`No ${method} ${template}`);
  return found;
}

/** Calls a route as Next.js would; a Server-Sent Events answer is closed at once, a download read as text. */
async function send(method: ApiMethod, template: string, desk: Desk, sample: Sample): Promise<Answer> {
  // A URL cannot carry an unpaired surrogate (Next.js answers such a path before any route runs); the route gets it through params.
  const inUrl = (value: string) => encodeURIComponent(value.replace(/\p{Cs}/gu, "\uFFFD"));
  const url = new URL(template.replace(/\{(\w+)\}/g, (_, name: string) => inUrl(sample.params?.[name] ?? "")), "http://localhost:3000");
  for (const [key, value] of Object.entries(sample.query ?? {})) url.searchParams.set(key, value);
  const as = sample.as ?? desk.owner;
  const headers = new Headers({ cookie: await sessionCookie(as), ...sample.headers });
  if (method !== "GET") headers.set("origin", "http://localhost:3000");
  let body: string | undefined;
  if (sample.rawBody) {
    headers.set("content-type", sample.rawBody.contentType);
    body = sample.rawBody.text;
  } else if (sample.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(sample.body);
  }
  const abort = new AbortController();
  const request = new NextRequest(url, { method, headers, body, signal: abort.signal });
  const response = await (await handler(method, template))(request, { params: Promise.resolve(sample.params ?? {}) });
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    abort.abort();
    await response.body?.cancel();
    return { status: response.status, body: undefined };
  }
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return { status: response.status, body: isJson && text ? (JSON.parse(text) as unknown) : text };
}

type Spoil = { where: "path" | "query" | "body"; path: (string | number)[]; apply: (sample: Sample, bad: string) => Sample };

/** Every string the sample sends, each as a way to spoil it. */
function spoils(sample: Sample): Spoil[] {
  const result: Spoil[] = [];
  for (const name of Object.keys(sample.params ?? {})) {
    result.push({ where: "path", path: [name], apply: (s, bad) => ({ ...s, params: { ...s.params, [name]: `${s.params?.[name]}${bad}` } }) });
  }
  for (const name of Object.keys(sample.query ?? {})) {
    result.push({ where: "query", path: [name], apply: (s, bad) => ({ ...s, query: { ...s.query, [name]: `${s.query?.[name]}${bad}` } }) });
  }
  const walk = (value: unknown, at: (string | number)[]) => {
    if (typeof value === "string") {
      result.push({ where: "body", path: at, apply: (s, bad) => ({ ...s, body: replaceAt(s.body, at, (old) => `${String(old)}${bad}`) }) });
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...at, index]));
    else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
  };
  walk(sample.body, []);
  return result;
}

function replaceAt(value: unknown, at: (string | number)[], change: (old: unknown) => unknown): unknown {
  if (at.length === 0) return change(value);
  const [head, ...rest] = at;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, change) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: replaceAt(record[head as string], rest, change) };
}

const errorOf = (answer: Answer) => (answer.body as { error?: { code?: string; message?: string; details?: { path: (string | number)[] }[] } } | undefined)?.error;

describe("bad input on every /api/v1 endpoint", () => {
  beforeAll(() => configureWriteRateLimits({ ratePerSecond: 100_000, burst: 100_000, perAddressPerMinute: 100_000 }));
  afterAll(async () => {
    configureWriteRateLimits();
    // The redeliver sample queues a job.
    await stopJobBoss();
  });

  it("has a sample request for every endpoint in the route tree", () => {
    const endpoints = ROUTES.map((route) => route.endpoint).filter((endpoint) => !endpoint.includes("{...path}"));
    expect(endpoints.filter((endpoint) => !SAMPLES[endpoint]), "endpoints without a sample").toEqual([]);
    expect(Object.keys(SAMPLES).filter((endpoint) => !endpoints.includes(endpoint)), "samples for endpoints that no longer exist").toEqual([]);
  });

  it.each(ROUTES.filter((route) => SAMPLES[route.endpoint]).map((route) => [route.endpoint, route] as const))(
    "%s: a NUL or an unpaired surrogate in any path id, query parameter or body string is a 400 naming it",
    async (endpoint, { method, route }) => {
      const desk = await createDesk();
      const build = SAMPLES[endpoint]!;
      const probe = await build(desk);
      for (const spoil of spoils(probe)) {
        for (const [name, bad] of Object.entries(BAD)) {
          // A query string carries UTF-8: an unpaired surrogate arrives as U+FFFD, which is fine text.
          if (spoil.where === "query" && name === "lone surrogate") continue;
          const answer = await send(method, route.template, desk, spoil.apply(await build(desk), bad));
          const error = errorOf(answer);
          const context = `${name} in ${spoil.where} ${spoil.path.join(".")}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 400)}`;
          expect(answer.status, context).toBe(400);
          expect(error?.code, context).toBe("validation_failed");
          const named = (error?.details ?? []).some(({ path }) => JSON.stringify(path) === JSON.stringify([spoil.where, ...spoil.path]));
          expect(named, context).toBe(true);
        }
      }
      // An unknown query parameter is ignored or refused, never a 500; the untouched sample works.
      for (const bad of Object.values(BAD)) {
        const sample = await build(desk);
        const answer = await send(method, route.template, desk, { ...sample, query: { ...sample.query, [`probe${bad}`]: `x${bad}` } });
        expect(answer.status, JSON.stringify(answer.body)?.slice(0, 300)).toBeLessThan(500);
      }
      const answer = await send(method, route.template, desk, await build(desk));
      expect(answer.status, `the untouched sample: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBeLessThan(400);
    },
  );
});

describe("bad input inside an import file", () => {
  const postImport = (desk: Desk, file: string, contentType: string) =>
    callRoute(importRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/imports`, {
      as: desk.owner,
      params: ws(desk),
      rawBody: file,
      headers: { "content-type": contentType },
    });
  const claimLine = (passageId: string, extra: Record<string, unknown> = {}) => ({
    type: "claim",
    passage: { id: passageId, title: "Jobs speech" },
    target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }] },
    statement: QUOTE,
    ...extra,
  });

  it("reports a JSONL item with an impossible date, a NUL or an unpaired surrogate as invalid and imports the rest", async () => {
    const desk = await createDesk();
    const lines = [
      { type: "passage", id: "p1", title: "Jobs speech", text: TEXT },
      { type: "passage", id: "p2", title: "Old speech", text: `${TEXT} Older.`, publishedAt: "-271821-04-20" },
      claimLine("p1"),
      claimLine("p1", { createdAt: "0000-01-01T00:00:00Z" }),
      claimLine("p1", { evidence: [{ stance: "supports", kind: "web", url: "https://example.org/a", accessedAt: "-271821-04-20" }] }),
      claimLine("p1", { statement: "Unemployment\u0000 fell." }),
      claimLine("p1", { verdictNote: "Checked \ud800." }),
      claimLine("p3", { passage: { id: "p3", title: "Elsewhere", publishedAt: "0000-01-01" } }),
    ];
    const response = await postImport(desk, lines.map((line) => JSON.stringify(line)).join("\n"), "application/x-ndjson");
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const report = response.body as ImportReport;
    const byItem = Object.fromEntries(report.items.map((item) => [item.item, item]));
    expect(byItem["line 3"]?.status).toBe("imported");
    for (const line of ["line 2", "line 4", "line 5", "line 8"]) {
      expect(byItem[line], line).toMatchObject({ status: "invalid", reason: expect.stringContaining("between the years 1 and 9999") });
    }
    expect(byItem["line 6"]).toMatchObject({ status: "invalid", reason: expect.stringContaining("NUL") });
    expect(byItem["line 7"]).toMatchObject({ status: "invalid", reason: expect.stringContaining("unpaired UTF-16 surrogate") });
    expect(report.counts).toMatchObject({ imported: 1, invalid: 6 });
  });

  it("reports an item nested thousands of levels deep as invalid and imports the rest, and answers a file that is only nesting without a 500", async () => {
    const desk = await createDesk();
    // Written as text: JSON.stringify itself cannot walk 10,000 levels.
    const nested = `${'{"more":['.repeat(5_000)}"deep"${"]}".repeat(5_000)}`;
    const lines = [{ type: "passage", id: "p1", title: "Jobs speech", text: TEXT }, claimLine("p1"), claimLine("p1", { extra: "NESTED" })].map((line) => JSON.stringify(line));
    const response = await postImport(desk, lines.join("\n").replace('"NESTED"', nested), "application/x-ndjson");
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    const report = response.body as ImportReport;
    expect(report.items.find((item) => item.item === "line 3")).toMatchObject({ status: "invalid", reason: "The item: Nests more than 64 levels deep, which ClaimDesk does not read; flatten it." });
    expect(report.counts).toMatchObject({ imported: 1, invalid: 1 });

    for (const contentType of ["application/ld+json", "application/json", "application/x-ndjson"]) {
      const onlyNesting = await postImport(desk, "[".repeat(100_000) + "]".repeat(100_000), contentType);
      expect(onlyNesting.status, `${contentType}: ${JSON.stringify(onlyNesting.body).slice(0, 300)}`).toBeLessThan(500);
    }
  });

  it("reports a Web Annotation with a NUL or an unpaired surrogate anywhere it reads as invalid and imports the rest", async () => {
    const desk = await createDesk();
    const { id } = await passage(desk);
    const target = { source: `http://localhost:3000/w/${desk.workspaceId}/passages/${id}`, selector: { type: "TextQuoteSelector", exact: QUOTE } };
    const annotations = [
      { type: "Annotation", motivation: "assessing", target },
      { type: "Annotation", motivation: "assessing", target, body: [{ type: "TextualBody", purpose: "describing", value: "Jobs\u0000 fell" }] },
      { type: "Annotation", motivation: "assessing", target, body: { type: "SpecificResource", source: "https://example.org/\ud800" } },
      { type: "Annotation", motivation: "assessing", target, tags: ["factual\ud800"] },
      { type: "Annotation", motivation: "assessing", target: { ...target, selector: { type: "TextQuoteSelector", exact: `${QUOTE}\u0000` } } },
      { type: "Annotation", motivation: "assessing", target: `http://localhost:3000/w/${desk.workspaceId}/passages/${id}\u0000` },
    ];
    const response = await postImport(desk, JSON.stringify(annotations), "application/ld+json");
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const report = response.body as ImportReport;
    expect(report.items.map((item) => [item.item, item.status])).toEqual([
      ["annotation 1", "imported"],
      ["annotation 2", "invalid"],
      ["annotation 3", "invalid"],
      ["annotation 4", "invalid"],
      ["annotation 5", "invalid"],
      ["annotation 6", "invalid"],
    ]);
  });
});

describe("a client that hangs up mid-request", () => {
  /** A body that sends its first bytes, then fails as Node's request stream does when the client goes away. */
  function brokenBody(failure: unknown, abort?: AbortController) {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name": "Half a desk'));
      },
      pull(controller) {
        abort?.abort();
        controller.error(failure);
      },
    });
  }

  async function post(desk: Desk, template: string, contentType: string, body: ReadableStream<Uint8Array>, abort = new AbortController()) {
    const path = template.replace("{workspaceId}", desk.workspaceId);
    const request = new NextRequest(new URL(path, "http://localhost:3000"), {
      method: "POST",
      headers: { cookie: await sessionCookie(desk.owner), origin: "http://localhost:3000", "content-type": contentType },
      body,
      signal: abort.signal,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await (await handler("POST", template))(request, { params: Promise.resolve(ws(desk)) });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  const reset = () => Object.assign(new Error("aborted"), { code: "ECONNRESET" });
  const cases = [
    ["the connection resets (ECONNRESET)", () => ({ failure: reset(), abort: undefined })],
    ["the request is aborted (AbortError)", () => ({ failure: new DOMException("This operation was aborted", "AbortError"), abort: new AbortController() })],
  ] as const;
  const routes = [
    ["/api/v1/workspaces", "application/json"],
    ["/api/v1/workspaces/{workspaceId}/imports", "application/x-ndjson"],
    ["/api/v1/workspaces/{workspaceId}/passages", "multipart/form-data; boundary=x"],
  ] as const;

  it.each(cases.flatMap(([name, make]) => routes.map(([template, contentType]) => [name, template, contentType, make] as const)))(
    "when %s, POST %s answers 400 in the error shape and logs no unhandled error",
    async (_name, template, contentType, make) => {
      const desk = await createDesk();
      const { failure, abort } = make();
      const logged = vi.spyOn(console, "error");
      try {
        const answer = await post(desk, template, contentType, brokenBody(failure, abort), abort);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("before its body") } });
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    },
  );
});

describe("the last line of defence", () => {
  it("answers text or a date PostgreSQL refuses with a 400, should a schema ever miss it", async () => {
    const refused = [
      await db.workspace.findFirst({ where: { name: "desk\u0000" } }).catch((error: unknown) => error),
      await db.workspace.findFirst({ where: { createdAt: new Date("0000-01-01T00:00:00Z") } }).catch((error: unknown) => error),
    ];
    const warned = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const logged = vi.spyOn(console, "error");
    try {
      for (const error of refused) {
        const response = errorResponse(error);
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringMatching(/cannot be stored/) } });
      }
      expect(logged).not.toHaveBeenCalled();
      expect(warned).toHaveBeenCalledTimes(2);
    } finally {
      warned.mockRestore();
      logged.mockRestore();
    }
  });

  it("refuses a page cursor that decodes to an unsafe id or an impossible date", async () => {
    const desk = await createDesk();
    const cursor = (keyset: unknown) => Buffer.from(JSON.stringify(keyset), "utf8").toString("base64url");
    // Refused by the cursor's schema, not by PostgreSQL and the last line of defence (which warns).
    const warned = vi.spyOn(console, "warn");
    try {
      for (const keyset of [{ at: "2026-01-01T00:00:00.000Z", id: "c\u0000" }, { at: "0000-01-01T00:00:00.000Z", id: "c1" }]) {
        const answer = await send("GET", "/api/v1/workspaces/{workspaceId}/passages", desk, { params: ws(desk), query: { cursor: cursor(keyset) } });
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(errorOf(answer)).toMatchObject({ code: "validation_failed", details: [{ path: ["query", "cursor"] }] });
      }
      expect(warned).not.toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
  });
});

describe("every /api/v1 answer is in the error shape", () => {
  const files = apiRouteFiles();
  const catchAll = files.filter((route) => route.template.includes("{...path}"));

  it.each(files.filter((route) => !catchAll.includes(route)).map((route) => [route.template, route] as const))(
    "%s answers a method it does not implement with 405 method_not_allowed and an Allow header naming the ones it does",
    async (template, route) => {
      const handlers = await route.load();
      const allow = [...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
      for (const method of API_METHODS.filter((candidate) => !route.methods.includes(candidate))) {
        const answer = handlers[method];
        expect(answer, `${template} has no ${method} answer: end the route file with otherMethods({ ... })`).toBeDefined();
        const response = await answer!(new NextRequest(new URL(template, "http://localhost:3000"), { method }), { params: Promise.resolve({}) });
        expect(response.status, method).toBe(405);
        expect(response.headers.get("allow"), method).toBe(allow);
        expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed", message: expect.stringContaining(allow) } });
      }
      const options = await handlers.OPTIONS!(new NextRequest(new URL(template, "http://localhost:3000"), { method: "OPTIONS" }), { params: Promise.resolve({}) });
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toBe(allow);
    },
  );

  it("answers any method on a path without an endpoint with 404 not_found", async () => {
    expect(catchAll.map((route) => route.template)).toEqual(["/api/v1/{...path}"]);
    const handlers = await catchAll[0]!.load();
    for (const method of [...API_METHODS, "OPTIONS"] as const) {
      const response = await handlers[method]!(new NextRequest(new URL("/api/v1/nope", "http://localhost:3000"), { method }), { params: Promise.resolve({ path: "nope" }) });
      expect(response.status, method).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining(`${method} /api/v1/nope`) } });
    }
  });
});

describe("bad input in a passage upload (multipart)", () => {
  const upload = (desk: Desk, fields: Record<string, string>, file: { name: string; type: string; content: string }) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set("file", new File([file.content], file.name, { type: file.type }));
    return callRoute(passagesRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/passages`, { as: desk.owner, params: ws(desk), formData: form });
  };
  const plain = { name: "speech.txt", type: "text/plain", content: TEXT };

  it("refuses a NUL in any form field with 400 naming it", async () => {
    const desk = await createDesk();
    for (const field of ["title", "publisher", "author", "sourceUrl", "language", "publishedAt"]) {
      const answer = await upload(desk, { [field]: `x\u0000y` }, plain);
      expect(answer.status, `${field}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(errorOf(answer)?.details?.some(({ path }) => JSON.stringify(path) === JSON.stringify(["body", field]))).toBe(true);
    }
  });

  it("refuses a file holding a NUL byte (a binary file, most likely) with 400, and stores HTML's NUL and surrogate character references safely", async () => {
    const desk = await createDesk();
    for (const file of [
      { name: "speech.txt", type: "text/plain", content: `${TEXT}\u0000` },
      { name: "speech.md", type: "text/markdown", content: `# Speech\n\n${TEXT}\u0000` },
      { name: "speech.html", type: "text/html", content: `<p>${TEXT}\u0000</p>` },
    ]) {
      const answer = await upload(desk, {}, file);
      expect(answer.status, file.name).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: "validation_failed", details: [{ path: ["body", "file"] }] });
    }
    const html = `<html><head><title>Speech&#0;&#xD800;</title></head><body><p>${TEXT} &#0;&#xD800;&#xDFFF; &#55357; ${uniqueSuffix()}</p></body></html>`;
    const answer = await upload(desk, {}, { name: "speech.html", type: "text/html", content: html });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const stored = await db.passage.findUniqueOrThrow({ where: { id: (answer.body as { id: string }).id }, select: { title: true, text: true } });
    expect(findUnsafeText(stored)).toBeNull();
  });
});
