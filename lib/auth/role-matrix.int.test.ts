import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as blindLabelRoute from "@/app/api/v1/claims/[claimId]/blind-label/route";
import * as claimCommentsRoute from "@/app/api/v1/claims/[claimId]/comments/route";
import * as blindReviewRoute from "@/app/api/v1/workspaces/[workspaceId]/blind-review/route";
import * as importsRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/route";
import * as borrowEvidenceRoute from "@/app/api/v1/claims/[claimId]/evidence/borrow/route";
import * as claimMatchesRoute from "@/app/api/v1/claims/[claimId]/matches/route";
import * as acceptSuggestionsRoute from "@/app/api/v1/passages/[passageId]/suggestions/accept/route";
import * as dismissalsRoute from "@/app/api/v1/passages/[passageId]/suggestions/dismissals/route";
import * as suggestionsRoute from "@/app/api/v1/passages/[passageId]/suggestions/route";
import * as agreementRoute from "@/app/api/v1/workspaces/[workspaceId]/agreement/route";
import * as duplicatesRoute from "@/app/api/v1/workspaces/[workspaceId]/duplicates/route";
import * as searchRoute from "@/app/api/v1/workspaces/[workspaceId]/search/route";
import * as evidenceLinkRoute from "@/app/api/v1/claims/[claimId]/evidence/[linkId]/route";
import * as claimEvidenceRoute from "@/app/api/v1/claims/[claimId]/evidence/route";
import * as claimHistoryRoute from "@/app/api/v1/claims/[claimId]/history/route";
import * as claimRestoreRoute from "@/app/api/v1/claims/[claimId]/restore/route";
import * as publicationRoute from "@/app/api/v1/claims/[claimId]/publication/route";
import * as claimAnchorRoute from "@/app/api/v1/claims/[claimId]/anchor/route";
import * as passageRevisionRoute from "@/app/api/v1/passages/[passageId]/revisions/[number]/route";
import * as passageRevisionsRoute from "@/app/api/v1/passages/[passageId]/revisions/route";
import * as claimRoute from "@/app/api/v1/claims/[claimId]/route";
import * as passageClaimsBatchRoute from "@/app/api/v1/passages/[passageId]/claims/batch/route";
import * as passageClaimsRoute from "@/app/api/v1/passages/[passageId]/claims/route";
import * as passageRestoreRoute from "@/app/api/v1/passages/[passageId]/restore/route";
import * as passageRoute from "@/app/api/v1/passages/[passageId]/route";
import * as bulkClaimsRoute from "@/app/api/v1/workspaces/[workspaceId]/claims/bulk/route";
import * as workspaceClaimsRoute from "@/app/api/v1/workspaces/[workspaceId]/claims/route";
import * as eventsRoute from "@/app/api/v1/workspaces/[workspaceId]/events/route";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/export/route";
import * as invitationRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import * as memberRoute from "@/app/api/v1/workspaces/[workspaceId]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/workspaces/[workspaceId]/members/route";
import * as passagesRoute from "@/app/api/v1/workspaces/[workspaceId]/passages/route";
import * as ratingScaleRoute from "@/app/api/v1/workspaces/[workspaceId]/rating-scale/route";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspaceId]/route";
import * as releaseSettingsRoute from "@/app/api/v1/workspaces/[workspaceId]/release-settings/route";
import * as releaseDataPackageRoute from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/datapackage.json/route";
import * as releaseDiffRoute from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/diff/route";
import * as releaseFileRoute from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/files/[format]/route";
import * as releaseRoute from "@/app/api/v1/workspaces/[workspaceId]/releases/[number]/route";
import * as releasesRoute from "@/app/api/v1/workspaces/[workspaceId]/releases/route";
import * as viewRoute from "@/app/api/v1/workspaces/[workspaceId]/views/[viewId]/route";
import * as viewsRoute from "@/app/api/v1/workspaces/[workspaceId]/views/route";
import * as webhookRedeliverRoute from "@/app/api/v1/workspaces/[workspaceId]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route";
import * as webhookDeliveriesRoute from "@/app/api/v1/workspaces/[workspaceId]/webhooks/[webhookId]/deliveries/route";
import * as webhookRoute from "@/app/api/v1/workspaces/[workspaceId]/webhooks/[webhookId]/route";
import * as webhooksRoute from "@/app/api/v1/workspaces/[workspaceId]/webhooks/route";
import * as snapshotRoute from "@/app/api/v1/snapshots/[snapshotId]/route";
import * as jobsRoute from "@/app/api/v1/workspaces/[workspaceId]/jobs/route";
import * as jobRoute from "@/app/api/v1/workspaces/[workspaceId]/jobs/[jobId]/route";
import * as jobRetryRoute from "@/app/api/v1/workspaces/[workspaceId]/jobs/[jobId]/retry/route";
import * as jobCancelRoute from "@/app/api/v1/workspaces/[workspaceId]/jobs/[jobId]/cancel/route";
import { stopJobBoss } from "@/lib/jobs/server/job-boss";
import {
  addMemberRecord,
  createClaimRecord,
  createJobRecord,
  createPassageRecord,
  createReleaseRecord,
  createSnapshotRecord,
  createUserRecord,
  createWorkspaceRecord,
  linkWebEvidenceRecord,
  uniqueSuffix,
} from "@/lib/fixtures/factories";
import type { Role } from "@/lib/generated/prisma/enums";
import { configureWriteRateLimits } from "@/lib/http/write-rate-limit";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { apiRoutes } from "@/scripts/test/api-routes";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

// Every workspace endpoint × every role × a non-member: the roles are written out here from
// api-v1.md, independently of lib/auth/permissions.ts, so a change to that table shows up as a
// failing row. Each row makes its own desk, and each request its own records, so a DELETE by one
// role never leaves the next role nothing to act on.

type Desk = Awaited<ReturnType<typeof createDesk>>;
type Answer = { status: number; body: unknown };
type MatrixRow = {
  /** METHOD and path template, as in the route tree. */
  endpoint: string;
  /** What the request does, when an endpoint has rows for several actions. */
  action?: string;
  minimumRole: Role;
  successStatus: number;
  send: (desk: Desk, as: TestUser) => Promise<Answer>;
  /** Endpoints that answer 200 with an outcome per item: the outcome carries the 403. */
  outcomeOf?: (answer: Answer) => { ok: boolean; code?: string };
};

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent.";
const CLAIM_QUOTE = "Unemployment fell to 5.1 percent in October.";
const ROLE_ORDER: Role[] = ["viewer", "reviewer", "editor", "owner"];

const newPassage = (desk: Desk, workspaceId = desk.workspaceId) =>
  createPassageRecord(db, { workspaceId, createdById: desk.owner.id, text: `${TEXT} Ref ${uniqueSuffix()}.` });

async function newClaim(desk: Desk, input: { label?: "opinion"; state?: "in_review" } = {}) {
  const passage = await newPassage(desk);
  return createClaimRecord(db, { passage, exact: CLAIM_QUOTE, createdById: desk.owner.id, ...input });
}

/** A verified claim with a verdict on a scale of its own: what an editor may publish. */
async function newPublishableClaim(desk: Desk) {
  const passage = await newPassage(desk);
  const claim = await createClaimRecord(db, { passage, exact: CLAIM_QUOTE, createdById: desk.owner.id, state: "verified" });
  await db.rating.createMany({ data: [{ workspaceId: desk.workspaceId, key: "false", name: "False", position: 0 }], skipDuplicates: true });
  await db.claim.update({ where: { id: claim.id }, data: { verdict: "false" } });
  return claim;
}

async function newEvidenceLink(desk: Desk) {
  const claim = await newClaim(desk);
  const link = await linkWebEvidenceRecord(db, {
    workspaceId: desk.workspaceId,
    claimId: claim.id,
    createdById: desk.owner.id,
    url: `https://example.org/${uniqueSuffix()}`,
    title: "Jobs report",
    stance: "supports",
  });
  return { claimId: claim.id, linkId: link.id };
}

/** A verified claim with one evidence link: its content changes only through claim.decide (editors), which reopens it. */
async function newVerifiedClaimWithEvidence(desk: Desk) {
  const { claimId, linkId } = await newEvidenceLink(desk);
  const claim = await db.claim.update({ where: { id: claimId }, data: { label: "factual", state: "verified", verdict: "true", verdictNote: "Checked." }, select: { id: true, version: true } });
  return { claim, linkId };
}

async function newMember(desk: Desk) {
  const user = await createUserRecord(db);
  await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: user.id, role: "viewer" });
  return user;
}

const newInvitation = (desk: Desk) =>
  db.invitation.create({
    data: {
      workspaceId: desk.workspaceId,
      email: `invitee-${uniqueSuffix()}@example.test`,
      role: "viewer",
      tokenHash: randomBytes(32).toString("hex"),
      invitedById: desk.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });

const deletedAt = () => ({ deletedAt: new Date(), deletedById: null });

const newJob = (desk: Desk, state: "failed" | "queued") => createJobRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, state });

const newSavedView = (desk: Desk, ownerId: string, visibility: "personal" | "shared") =>
  db.savedView.create({ data: { workspaceId: desk.workspaceId, ownerId, name: `View ${uniqueSuffix()}`, visibility, filter: {} }, select: { id: true } });

/** A webhook (to a public address literal: registering checks it without DNS) with one finished delivery. */
async function newWebhook(desk: Desk) {
  const webhook = await db.webhook.create({
    data: { workspaceId: desk.workspaceId, url: "https://93.184.215.14/hook", events: ["claim.verified"], secret: "whsec_matrix" },
    select: { id: true },
  });
  const event = await db.webhookEvent.create({ data: { workspaceId: desk.workspaceId, type: "claim.verified", data: {} }, select: { id: true } });
  const delivery = await db.webhookDelivery.create({ data: { webhookId: webhook.id, eventId: event.id, state: "failed", attempts: 1 }, select: { id: true } });
  return { webhookId: webhook.id, deliveryId: delivery.id };
}

const ROWS: MatrixRow[] = [
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(workspaceRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/passages",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(passagesRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/passages`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/passages",
    minimumRole: "reviewer",
    successStatus: 201,
    send: (desk, as) =>
      callRoute(passagesRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/passages`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { title: "Speech", text: `${TEXT} ${uniqueSuffix()}` },
      }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/jobs",
    minimumRole: "editor",
    successStatus: 200,
    send: (desk, as) => callRoute(jobsRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/jobs`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/jobs/{jobId}",
    action: "someone else's job",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const job = await newJob(desk, "failed");
      return callRoute(jobRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/jobs/${job.id}`, { as, params: { workspaceId: desk.workspaceId, jobId: job.id } });
    },
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/jobs/{jobId}/retry",
    minimumRole: "owner",
    successStatus: 200,
    send: async (desk, as) => {
      const job = await newJob(desk, "failed");
      const params = { workspaceId: desk.workspaceId, jobId: job.id };
      return callRoute(jobRetryRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/jobs/${job.id}/retry`, { as, params });
    },
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/jobs/{jobId}/cancel",
    minimumRole: "owner",
    successStatus: 200,
    send: async (desk, as) => {
      const job = await newJob(desk, "queued");
      const params = { workspaceId: desk.workspaceId, jobId: job.id };
      return callRoute(jobCancelRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/jobs/${job.id}/cancel`, { as, params });
    },
  },
  {
    endpoint: "GET /api/v1/snapshots/{snapshotId}",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const snapshot = await createSnapshotRecord(db, { workspaceId: desk.workspaceId, contentType: "text/html", body: "<p>Captured</p>" });
      const request = new NextRequest(new URL(`/api/v1/snapshots/${snapshot.id}`, "http://localhost:3000"), { headers: { cookie: await sessionCookie(as) } });
      const response = await snapshotRoute.GET(request, { params: Promise.resolve({ snapshotId: snapshot.id }) });
      const text = await response.text();
      return { status: response.status, body: response.status === 200 ? text : (JSON.parse(text) as unknown) };
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/claims",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(workspaceClaimsRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/claims/bulk",
    action: "relabel",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(bulkClaimsRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/claims/bulk`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { claimIds: [claim.id], changes: { label: "opinion" } },
      });
    },
    outcomeOf: (answer) => {
      const [result] = (answer.body as { results: { ok: boolean; error?: { code: string } }[] }).results;
      return { ok: result?.ok ?? false, code: result?.error?.code };
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/export",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) =>
      callRouteText(exportRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/export?format=jsonl&state=all`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/events",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callStreamRoute(eventsRoute.GET, `/api/v1/workspaces/${desk.workspaceId}/events`, as, { workspaceId: desk.workspaceId }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/rating-scale",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(ratingScaleRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/rating-scale`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "PUT /api/v1/workspaces/{workspaceId}/rating-scale",
    minimumRole: "owner",
    successStatus: 200,
    send: async (desk, as) => {
      const params = { workspaceId: desk.workspaceId };
      const current = (await callRoute(ratingScaleRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/rating-scale`, { as: desk.owner, params })).body as {
        ratings: { key: string }[];
        version: string;
      };
      const ratings = [...current.ratings, { key: `satire-${uniqueSuffix()}`, name: `Satire ${uniqueSuffix()}`, value: null }];
      return callRoute(ratingScaleRoute.PUT, "PUT", `/api/v1/workspaces/${desk.workspaceId}/rating-scale`, { as, params, body: { ratings }, headers: { "if-match": `"${current.version}"` } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/views",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(viewsRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/views`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/views",
    action: "save a personal view",
    minimumRole: "viewer",
    successStatus: 201,
    send: (desk, as) =>
      callRoute(viewsRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/views`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { name: "My drafts", filter: { state: "draft" } },
      }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/views",
    action: "share a view",
    minimumRole: "editor",
    successStatus: 201,
    send: (desk, as) =>
      callRoute(viewsRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/views`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { name: "Desk drafts", visibility: "shared", filter: { state: "draft" } },
      }),
  },
  {
    endpoint: "PATCH /api/v1/workspaces/{workspaceId}/views/{viewId}",
    action: "rename your own personal view",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const view = await newSavedView(desk, as.id, "personal");
      const params = { workspaceId: desk.workspaceId, viewId: view.id };
      return callRoute(viewRoute.PATCH, "PATCH", `/api/v1/workspaces/${desk.workspaceId}/views/${view.id}`, { as, params, body: { name: "Renamed" } });
    },
  },
  {
    endpoint: "PATCH /api/v1/workspaces/{workspaceId}/views/{viewId}",
    action: "change a shared view someone else made",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const view = await newSavedView(desk, desk.editor.id === as.id ? desk.owner.id : desk.editor.id, "shared");
      const params = { workspaceId: desk.workspaceId, viewId: view.id };
      return callRoute(viewRoute.PATCH, "PATCH", `/api/v1/workspaces/${desk.workspaceId}/views/${view.id}`, { as, params, body: { filter: { label: "none" } } });
    },
  },
  {
    endpoint: "DELETE /api/v1/workspaces/{workspaceId}/views/{viewId}",
    action: "delete a shared view someone else made",
    minimumRole: "editor",
    successStatus: 204,
    send: async (desk, as) => {
      const view = await newSavedView(desk, desk.editor.id === as.id ? desk.owner.id : desk.editor.id, "shared");
      const params = { workspaceId: desk.workspaceId, viewId: view.id };
      return callRoute(viewRoute.DELETE, "DELETE", `/api/v1/workspaces/${desk.workspaceId}/views/${view.id}`, { as, params });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/release-settings",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(releaseSettingsRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/release-settings`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "PUT /api/v1/workspaces/{workspaceId}/release-settings",
    minimumRole: "owner",
    successStatus: 200,
    send: (desk, as) =>
      callRoute(releaseSettingsRoute.PUT, "PUT", `/api/v1/workspaces/${desk.workspaceId}/release-settings`, { as, params: { workspaceId: desk.workspaceId }, body: { licence: "CC0-1.0" } }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/releases",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(releasesRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/releases`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/releases",
    minimumRole: "editor",
    successStatus: 201,
    send: async (desk, as) => {
      await newVerifiedClaimWithEvidence(desk);
      return callRoute(releasesRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/releases`, { as, params: { workspaceId: desk.workspaceId }, body: { name: "Verified set" } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/releases/{number}",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const number = String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number);
      return callRoute(releaseRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/releases/${number}`, { as, params: { workspaceId: desk.workspaceId, number } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/releases/{number}/files/{format}",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const number = String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number);
      const path = `/api/v1/workspaces/${desk.workspaceId}/releases/${number}/files/jsonl`;
      return callRouteText(releaseFileRoute.GET, "GET", path, { as, params: { workspaceId: desk.workspaceId, number, format: "jsonl" } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/releases/{number}/diff",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const number = String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number);
      const path = `/api/v1/workspaces/${desk.workspaceId}/releases/${number}/diff?against=${number}`;
      return callRoute(releaseDiffRoute.GET, "GET", path, { as, params: { workspaceId: desk.workspaceId, number } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/releases/{number}/datapackage.json",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const number = String((await createReleaseRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id })).number);
      const path = `/api/v1/workspaces/${desk.workspaceId}/releases/${number}/datapackage.json`;
      return callRoute(releaseDataPackageRoute.GET, "GET", path, { as, params: { workspaceId: desk.workspaceId, number } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/webhooks",
    minimumRole: "owner",
    successStatus: 200,
    send: (desk, as) => callRoute(webhooksRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/webhooks`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/webhooks",
    minimumRole: "owner",
    successStatus: 201,
    send: (desk, as) =>
      callRoute(webhooksRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { url: "https://93.184.215.14/hook", events: ["claim.verified"] },
      }),
  },
  {
    endpoint: "PATCH /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}",
    minimumRole: "owner",
    successStatus: 200,
    send: async (desk, as) => {
      const { webhookId } = await newWebhook(desk);
      const params = { workspaceId: desk.workspaceId, webhookId };
      return callRoute(webhookRoute.PATCH, "PATCH", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhookId}`, { as, params, body: { description: "CMS" } });
    },
  },
  {
    endpoint: "DELETE /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}",
    minimumRole: "owner",
    successStatus: 204,
    send: async (desk, as) => {
      const { webhookId } = await newWebhook(desk);
      return callRoute(webhookRoute.DELETE, "DELETE", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhookId}`, { as, params: { workspaceId: desk.workspaceId, webhookId } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries",
    minimumRole: "owner",
    successStatus: 200,
    send: async (desk, as) => {
      const { webhookId } = await newWebhook(desk);
      const params = { workspaceId: desk.workspaceId, webhookId };
      return callRoute(webhookDeliveriesRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhookId}/deliveries`, { as, params });
    },
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
    minimumRole: "owner",
    successStatus: 202,
    send: async (desk, as) => {
      const { webhookId, deliveryId } = await newWebhook(desk);
      const params = { workspaceId: desk.workspaceId, webhookId, deliveryId };
      return callRoute(webhookRedeliverRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, { as, params });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/members",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(membersRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/members`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "PATCH /api/v1/workspaces/{workspaceId}/members/{userId}",
    minimumRole: "owner",
    successStatus: 200,
    send: async (desk, as) => {
      const member = await newMember(desk);
      const params = { workspaceId: desk.workspaceId, userId: member.id };
      return callRoute(memberRoute.PATCH, "PATCH", `/api/v1/workspaces/${desk.workspaceId}/members/${member.id}`, { as, params, body: { role: "editor" } });
    },
  },
  {
    endpoint: "DELETE /api/v1/workspaces/{workspaceId}/members/{userId}",
    action: "remove another member",
    minimumRole: "owner",
    successStatus: 204,
    send: async (desk, as) => {
      const member = await newMember(desk);
      const params = { workspaceId: desk.workspaceId, userId: member.id };
      return callRoute(memberRoute.DELETE, "DELETE", `/api/v1/workspaces/${desk.workspaceId}/members/${member.id}`, { as, params });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/invitations",
    minimumRole: "owner",
    successStatus: 200,
    send: (desk, as) => callRoute(invitationsRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/invitations`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/invitations",
    minimumRole: "owner",
    successStatus: 201,
    send: (desk, as) =>
      callRoute(invitationsRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/invitations`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { email: `invitee-${uniqueSuffix()}@example.test`, role: "reviewer" },
      }),
  },
  {
    endpoint: "DELETE /api/v1/workspaces/{workspaceId}/invitations/{invitationId}",
    minimumRole: "owner",
    successStatus: 204,
    send: async (desk, as) => {
      const invitation = await newInvitation(desk);
      const params = { workspaceId: desk.workspaceId, invitationId: invitation.id };
      return callRoute(invitationRoute.DELETE, "DELETE", `/api/v1/workspaces/${desk.workspaceId}/invitations/${invitation.id}`, { as, params });
    },
  },
  {
    endpoint: "GET /api/v1/passages/{passageId}",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRoute.GET, "GET", `/api/v1/passages/${passage.id}`, { as, params: { passageId: passage.id } });
    },
  },
  {
    endpoint: "PATCH /api/v1/passages/{passageId}",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRoute.PATCH, "PATCH", `/api/v1/passages/${passage.id}`, { as, params: { passageId: passage.id }, body: { title: "Retitled" } });
    },
  },
  {
    endpoint: "DELETE /api/v1/passages/{passageId}",
    minimumRole: "editor",
    successStatus: 204,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRoute.DELETE, "DELETE", `/api/v1/passages/${passage.id}`, { as, params: { passageId: passage.id } });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/restore",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      await db.passage.update({ where: { id: passage.id }, data: deletedAt() });
      return callRoute(passageRestoreRoute.POST, "POST", `/api/v1/passages/${passage.id}/restore`, { as, params: { passageId: passage.id } });
    },
  },
  {
    endpoint: "GET /api/v1/passages/{passageId}/claims",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageClaimsRoute.GET, "GET", `/api/v1/passages/${passage.id}/claims`, { as, params: { passageId: passage.id } });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/claims",
    minimumRole: "reviewer",
    successStatus: 201,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageClaimsRoute.POST, "POST", `/api/v1/passages/${passage.id}/claims`, {
        as,
        params: { passageId: passage.id },
        body: { exact: CLAIM_QUOTE },
      });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/claims/batch",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageClaimsBatchRoute.POST, "POST", `/api/v1/passages/${passage.id}/claims/batch`, {
        as,
        params: { passageId: passage.id },
        body: { claims: [{ exact: CLAIM_QUOTE }] },
      });
    },
  },
  {
    endpoint: "GET /api/v1/claims/{claimId}",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimRoute.GET, "GET", `/api/v1/claims/${claim.id}`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "PATCH /api/v1/claims/{claimId}",
    action: "relabel",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${claim.id}`, {
        as,
        params: { claimId: claim.id },
        body: { label: "opinion" },
        headers: { "if-match": `"${claim.version}"` },
      });
    },
  },
  {
    endpoint: "PATCH /api/v1/claims/{claimId}",
    action: "assign",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${claim.id}`, {
        as,
        params: { claimId: claim.id },
        body: { assigneeId: desk.reviewer.id },
        headers: { "if-match": `"${claim.version}"` },
      });
    },
  },
  {
    endpoint: "PATCH /api/v1/claims/{claimId}",
    action: "verify",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk, { label: "opinion", state: "in_review" });
      return callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${claim.id}`, {
        as,
        params: { claimId: claim.id },
        body: { state: "verified" },
        headers: { "if-match": `"${claim.version}"` },
      });
    },
  },
  {
    endpoint: "PATCH /api/v1/claims/{claimId}",
    action: "give a verdict",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk, { state: "in_review" });
      return callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${claim.id}`, {
        as,
        params: { claimId: claim.id },
        body: { verdict: "half-true" },
        headers: { "if-match": `"${claim.version}"` },
      });
    },
  },
  ...(
    [
      ["statement", { statement: "Unemployment rose." }],
      ["label", { label: null }],
      ["verdictNote", { verdictNote: "Changed." }],
      ["verdict", { verdict: "mostly-false" }],
    ] as const
  ).map(
    ([field, body]): MatrixRow => ({
      endpoint: "PATCH /api/v1/claims/{claimId}",
      action: `change the ${field} of a verified claim`,
      minimumRole: "editor",
      successStatus: 200,
      send: async (desk, as) => {
        const { claim } = await newVerifiedClaimWithEvidence(desk);
        return callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${claim.id}`, { as, params: { claimId: claim.id }, body, headers: { "if-match": `"${claim.version}"` } });
      },
    }),
  ),
  {
    endpoint: "DELETE /api/v1/claims/{claimId}",
    minimumRole: "editor",
    successStatus: 204,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimRoute.DELETE, "DELETE", `/api/v1/claims/${claim.id}`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "GET /api/v1/claims/{claimId}/history",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimHistoryRoute.GET, "GET", `/api/v1/claims/${claim.id}/history`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "GET /api/v1/passages/{passageId}/revisions",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRevisionsRoute.GET, "GET", `/api/v1/passages/${passage.id}/revisions`, { as, params: { passageId: passage.id } });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/revisions",
    minimumRole: "editor",
    successStatus: 201,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRevisionsRoute.POST, "POST", `/api/v1/passages/${passage.id}/revisions`, {
        as,
        params: { passageId: passage.id },
        body: { text: `${passage.text} Updated.` },
        headers: { "if-match": '"1"' },
      });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/revisions",
    action: "fetched again from a web address",
    minimumRole: "editor",
    // No worker runs here: the fetch stays queued and the answer is the job to follow.
    successStatus: 202,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRevisionsRoute.POST, "POST", `/api/v1/passages/${passage.id}/revisions`, {
        as,
        params: { passageId: passage.id },
        body: { url: "https://93.184.215.14/story" },
        headers: { "if-match": '"1"' },
      });
    },
  },
  {
    endpoint: "GET /api/v1/passages/{passageId}/revisions/{number}",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(passageRevisionRoute.GET, "GET", `/api/v1/passages/${passage.id}/revisions/1`, { as, params: { passageId: passage.id, number: "1" } });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/anchor",
    action: "place a claim not yet decided",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimAnchorRoute.POST, "POST", `/api/v1/claims/${claim.id}/anchor`, {
        as,
        params: { claimId: claim.id },
        body: { action: "place", exact: "Critics say 7 percent." },
        headers: { "if-match": '"1"' },
      });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/anchor",
    action: "confirm a verified claim orphaned",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      await db.claim.update({ where: { id: claim.id }, data: { state: "verified", anchorStatus: "orphaned", anchorConfidence: 0 } });
      return callRoute(claimAnchorRoute.POST, "POST", `/api/v1/claims/${claim.id}/anchor`, {
        as,
        params: { claimId: claim.id },
        body: { action: "orphan" },
        headers: { "if-match": '"1"' },
      });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/restore",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      await db.claim.update({ where: { id: claim.id }, data: deletedAt() });
      return callRoute(claimRestoreRoute.POST, "POST", `/api/v1/claims/${claim.id}/restore`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/publication",
    minimumRole: "editor",
    successStatus: 201,
    send: async (desk, as) => {
      const claim = await newPublishableClaim(desk);
      return callRoute(publicationRoute.POST, "POST", `/api/v1/claims/${claim.id}/publication`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "DELETE /api/v1/claims/{claimId}/publication",
    minimumRole: "editor",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newPublishableClaim(desk);
      await db.publication.create({ data: { claimId: claim.id, workspaceId: desk.workspaceId, slug: `role-matrix-${uniqueSuffix()}` } });
      return callRoute(publicationRoute.DELETE, "DELETE", `/api/v1/claims/${claim.id}/publication`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/evidence",
    minimumRole: "reviewer",
    successStatus: 201,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimEvidenceRoute.POST, "POST", `/api/v1/claims/${claim.id}/evidence`, {
        as,
        params: { claimId: claim.id },
        body: { stance: "supports", url: `https://example.org/${uniqueSuffix()}`, title: "Source" },
      });
    },
  },
  {
    endpoint: "DELETE /api/v1/claims/{claimId}/evidence/{linkId}",
    minimumRole: "reviewer",
    successStatus: 204,
    send: async (desk, as) => {
      const { claimId, linkId } = await newEvidenceLink(desk);
      return callRoute(evidenceLinkRoute.DELETE, "DELETE", `/api/v1/claims/${claimId}/evidence/${linkId}`, { as, params: { claimId, linkId } });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/evidence",
    action: "link evidence to a verified claim",
    minimumRole: "editor",
    successStatus: 201,
    send: async (desk, as) => {
      const { claim } = await newVerifiedClaimWithEvidence(desk);
      return callRoute(claimEvidenceRoute.POST, "POST", `/api/v1/claims/${claim.id}/evidence`, {
        as,
        params: { claimId: claim.id },
        body: { stance: "refutes", url: `https://example.org/${uniqueSuffix()}`, title: "Source" },
      });
    },
  },
  {
    endpoint: "DELETE /api/v1/claims/{claimId}/evidence/{linkId}",
    action: "unlink evidence from a verified claim",
    minimumRole: "editor",
    successStatus: 204,
    send: async (desk, as) => {
      const { claim, linkId } = await newVerifiedClaimWithEvidence(desk);
      return callRoute(evidenceLinkRoute.DELETE, "DELETE", `/api/v1/claims/${claim.id}/evidence/${linkId}`, { as, params: { claimId: claim.id, linkId } });
    },
  },
  {
    endpoint: "GET /api/v1/claims/{claimId}/comments",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimCommentsRoute.GET, "GET", `/api/v1/claims/${claim.id}/comments`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/comments",
    minimumRole: "reviewer",
    successStatus: 201,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimCommentsRoute.POST, "POST", `/api/v1/claims/${claim.id}/comments`, { as, params: { claimId: claim.id }, body: { body: "Source?" } });
    },
  },
  {
    endpoint: "GET /api/v1/claims/{claimId}/matches",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(claimMatchesRoute.GET, "GET", `/api/v1/claims/${claim.id}/matches`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "POST /api/v1/claims/{claimId}/evidence/borrow",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      const { claimId: fromClaimId } = await newEvidenceLink(desk);
      await db.claim.update({ where: { id: fromClaimId }, data: { label: "factual", state: "verified" } });
      const claim = await newClaim(desk);
      return callRoute(borrowEvidenceRoute.POST, "POST", `/api/v1/claims/${claim.id}/evidence/borrow`, { as, params: { claimId: claim.id }, body: { fromClaimId } });
    },
  },
  {
    endpoint: "GET /api/v1/passages/{passageId}/suggestions",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(suggestionsRoute.GET, "GET", `/api/v1/passages/${passage.id}/suggestions`, { as, params: { passageId: passage.id } });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/duplicates",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(duplicatesRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/duplicates`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/search",
    minimumRole: "viewer",
    successStatus: 200,
    send: (desk, as) => callRoute(searchRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/search?q=unemployment`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/agreement",
    minimumRole: "editor",
    successStatus: 200,
    send: (desk, as) => callRoute(agreementRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/agreement`, { as, params: { workspaceId: desk.workspaceId } }),
  },
  {
    endpoint: "PATCH /api/v1/workspaces/{workspaceId}",
    minimumRole: "owner",
    successStatus: 200,
    send: (desk, as) =>
      callRoute(workspaceRoute.PATCH, "PATCH", `/api/v1/workspaces/${desk.workspaceId}`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { name: `Desk ${uniqueSuffix()}` },
      }),
  },
  {
    endpoint: "GET /api/v1/claims/{claimId}/blind-label",
    minimumRole: "viewer",
    successStatus: 200,
    send: async (desk, as) => {
      const claim = await newClaim(desk);
      return callRoute(blindLabelRoute.GET, "GET", `/api/v1/claims/${claim.id}/blind-label`, { as, params: { claimId: claim.id } });
    },
  },
  {
    endpoint: "PUT /api/v1/claims/{claimId}/blind-label",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: true } });
      const claim = await newClaim(desk);
      return callRoute(blindLabelRoute.PUT, "PUT", `/api/v1/claims/${claim.id}/blind-label`, { as, params: { claimId: claim.id }, body: { label: "factual" } });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/suggestions/accept",
    minimumRole: "reviewer",
    successStatus: 201,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      return callRoute(acceptSuggestionsRoute.POST, "POST", `/api/v1/passages/${passage.id}/suggestions/accept`, { as, params: { passageId: passage.id }, body: { minScore: 0 } });
    },
  },
  {
    endpoint: "POST /api/v1/passages/{passageId}/suggestions/dismissals",
    minimumRole: "reviewer",
    successStatus: 201,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      const listed = await callRoute(suggestionsRoute.GET, "GET", `/api/v1/passages/${passage.id}/suggestions?minScore=0`, { as: desk.owner, params: { passageId: passage.id } });
      const [first] = (listed.body as { items: { start: number; end: number }[] }).items;
      if (!first) throw new Error("The matrix passage has no suggestion to dismiss");
      return callRoute(dismissalsRoute.POST, "POST", `/api/v1/passages/${passage.id}/suggestions/dismissals`, {
        as,
        params: { passageId: passage.id },
        body: { start: first.start, end: first.end },
      });
    },
  },
  {
    endpoint: "POST /api/v1/workspaces/{workspaceId}/imports",
    minimumRole: "reviewer",
    successStatus: 200,
    send: async (desk, as) => {
      const passage = await newPassage(desk);
      const annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        motivation: "assessing",
        target: { source: `https://example.test/passages/${passage.id}`, selector: { type: "TextQuoteSelector", exact: CLAIM_QUOTE } },
      };
      return callRoute(importsRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/imports`, {
        as,
        params: { workspaceId: desk.workspaceId },
        rawBody: JSON.stringify(annotation),
        headers: { "content-type": "application/ld+json" },
      });
    },
  },
  {
    endpoint: "GET /api/v1/workspaces/{workspaceId}/blind-review",
    minimumRole: "editor",
    successStatus: 200,
    send: (desk, as) => callRoute(blindReviewRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/blind-review`, { as, params: { workspaceId: desk.workspaceId } }),
  },
];

/** Endpoints that act on the caller's own account, or on an invitation link, not on a workspace they belong to. */
const NOT_WORKSPACE_SCOPED: Record<string, string> = {
  "GET /api/v1/workspaces": "the caller's own workspaces",
  "POST /api/v1/workspaces": "creates a workspace owned by the caller",
  "GET /api/v1/me": "the caller",
  "DELETE /api/v1/me/sessions": "the caller's own sessions; lib/users/sessions.int.test.ts",
  "PUT /api/v1/me/password": "the caller's own password; lib/users/sessions.int.test.ts",
  "POST /api/v1/users": "sign-up",
  "GET /api/v1/tokens": "the caller's own tokens",
  "POST /api/v1/tokens": "the caller's own tokens",
  "DELETE /api/v1/tokens/{tokenId}": "the caller's own tokens",
  "GET /api/v1/openapi.json": "public document",
  "GET /api/v1/notifications": "the caller's own notifications",
  "POST /api/v1/notifications/read": "the caller's own notifications",
  "POST /api/v1/invitations/{token}/accept": "whoever holds the link; lib/invitations/invitations.int.test.ts",
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [`${method} /api/v1/{...path}`, "no endpoint: 404 for everyone; lib/http/bad-input.int.test.ts"]),
  ),
};

describe("the role matrix", () => {
  beforeAll(() => configureWriteRateLimits({ ratePerSecond: 100_000, burst: 100_000, perAddressPerMinute: 100_000 }));
  afterAll(async () => {
    configureWriteRateLimits();
    // The redeliver row queues a job.
    await stopJobBoss();
  });

  it("has a row, or a reason for none, for every route under app/api/v1", () => {
    const routes = apiRoutes();
    const covered = new Set([...ROWS.map((row) => row.endpoint), ...Object.keys(NOT_WORKSPACE_SCOPED)]);
    expect(routes.filter((route) => !covered.has(route)), "routes without a row in ROWS").toEqual([]);
    expect([...covered].filter((endpoint) => !routes.includes(endpoint)), "rows for routes that no longer exist").toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.endpoint}${row.action ? ` (${row.action})` : ""}`, row] as const))(
    "%s: success from its minimum role up, 403 below, 404 for a non-member",
    async (_name, row) => {
      const desk = await createDesk();
      const callers: [Role | "non-member", TestUser][] = [
        ["viewer", desk.viewer],
        ["reviewer", desk.reviewer],
        ["editor", desk.editor],
        ["owner", desk.owner],
        ["non-member", desk.stranger],
      ];
      for (const [role, user] of callers) {
        const answer = await row.send(desk, user);
        const code = (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
        const context = `${role}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;
        if (role === "non-member") {
          expect({ status: answer.status, code }, context).toEqual({ status: 404, code: "not_found" });
          continue;
        }
        const isAllowed = ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(row.minimumRole);
        if (row.outcomeOf) {
          expect(answer.status, context).toBe(row.successStatus);
          expect(row.outcomeOf(answer), context).toEqual(isAllowed ? { ok: true } : { ok: false, code: "forbidden" });
        } else if (isAllowed) {
          expect(answer.status, context).toBe(row.successStatus);
        } else {
          expect({ status: answer.status, code }, context).toEqual({ status: 403, code: "forbidden" });
        }
      }
    },
  );
});

describe("across workspaces", () => {
  /** Desk A and a workspace B whose owner is not in A; `both` is a reviewer of B and the owner of A. */
  async function twoWorkspaces() {
    const desk = await createDesk();
    const otherOwner = await createUserRecord(db);
    const other = await createWorkspaceRecord(db, { ownerId: otherOwner.id });
    await addMemberRecord(db, { workspaceId: other.id, userId: desk.owner.id, role: "reviewer" });
    const otherPassage = await newPassage(desk, other.id);
    const otherClaim = await createClaimRecord(db, { passage: otherPassage, exact: CLAIM_QUOTE, createdById: otherOwner.id });
    const otherLink = await linkWebEvidenceRecord(db, {
      workspaceId: other.id,
      claimId: otherClaim.id,
      createdById: otherOwner.id,
      url: "https://example.org/other",
      title: "Other desk's source",
      stance: "refutes",
    });
    return { desk, other, otherOwner, otherPassage, otherClaim, otherLink };
  }

  it("never creates a claim of one workspace under another's passage, answering like a missing passage", async () => {
    const { desk, otherPassage } = await twoWorkspaces();
    const create = (passageId: string) =>
      callRoute(passageClaimsRoute.POST, "POST", `/api/v1/passages/${passageId}/claims`, { as: desk.editor, params: { passageId }, body: { exact: CLAIM_QUOTE } });
    const foreign = await create(otherPassage.id);
    const missing = await create("does-not-exist");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(await db.claim.count({ where: { passageId: otherPassage.id } })).toBe(1);
  });

  it("never links another workspace's passage as evidence, even for a member of both", async () => {
    const { desk, otherPassage } = await twoWorkspaces();
    const claim = await newClaim(desk);
    const response = await callRoute(claimEvidenceRoute.POST, "POST", `/api/v1/claims/${claim.id}/evidence`, {
      as: desk.owner,
      params: { claimId: claim.id },
      body: { stance: "supports", passageId: otherPassage.id, start: 0, end: 12 },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: "not_found" } });
    expect(await db.evidence.count({ where: { passageId: otherPassage.id } })).toBe(0);
  });

  it("never removes another workspace's evidence link through a claim of one's own", async () => {
    const { desk, otherLink } = await twoWorkspaces();
    const claim = await newClaim(desk);
    const remove = (linkId: string) =>
      callRoute(evidenceLinkRoute.DELETE, "DELETE", `/api/v1/claims/${claim.id}/evidence/${linkId}`, { as: desk.owner, params: { claimId: claim.id, linkId } });
    const foreign = await remove(otherLink.id);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual((await remove("does-not-exist")).body);
    expect((await db.claimEvidence.findUniqueOrThrow({ where: { id: otherLink.id } })).deletedAt).toBeNull();
  });

  it("filters a workspace's claims by another's passage id exactly as by a missing one: nothing", async () => {
    const { desk, otherPassage } = await twoWorkspaces();
    await newClaim(desk);
    const list = (passageId: string) =>
      callRoute(workspaceClaimsRoute.GET, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?passageId=${passageId}`, {
        as: desk.owner,
        params: { workspaceId: desk.workspaceId },
      });
    const foreign = await list(otherPassage.id);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual({ items: [], nextCursor: null });
    expect(foreign.body).toEqual((await list("does-not-exist")).body);
  });

  it("answers 404 for another workspace's claim, alike whether or not it exists, and bulk changes never reach it", async () => {
    const { desk, otherClaim } = await twoWorkspaces();
    const get = (claimId: string) => callRoute(claimRoute.GET, "GET", `/api/v1/claims/${claimId}`, { as: desk.editor, params: { claimId } });
    const foreign = await get(otherClaim.id);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual((await get("does-not-exist")).body);

    const bulk = await callRoute(bulkClaimsRoute.POST, "POST", `/api/v1/workspaces/${desk.workspaceId}/claims/bulk`, {
      as: desk.owner,
      params: { workspaceId: desk.workspaceId },
      body: { claimIds: [otherClaim.id], changes: { label: "disputed" } },
    });
    expect(bulk.body).toMatchObject({ results: [{ claimId: otherClaim.id, ok: false, error: { code: "not_found" } }] });
    expect((await db.claim.findUniqueOrThrow({ where: { id: otherClaim.id } })).label).toBeNull();
  });

  it("refuses to assign a claim to someone who is only a member of another workspace", async () => {
    const { desk, otherOwner } = await twoWorkspaces();
    const claim = await newClaim(desk);
    const response = await callRoute(claimRoute.PATCH, "PATCH", `/api/v1/claims/${claim.id}`, {
      as: desk.editor,
      params: { claimId: claim.id },
      body: { assigneeId: otherOwner.id },
      headers: { "if-match": `"${claim.version}"` },
    });
    expect(response.status).toBe(400);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBeNull();
  });

  it("never changes or removes a member of another workspace through one's own", async () => {
    const { desk, other, otherOwner } = await twoWorkspaces();
    const params = { workspaceId: desk.workspaceId, userId: otherOwner.id };
    const path = `/api/v1/workspaces/${desk.workspaceId}/members/${otherOwner.id}`;
    expect((await callRoute(memberRoute.PATCH, "PATCH", path, { as: desk.owner, params, body: { role: "viewer" } })).status).toBe(404);
    expect((await callRoute(memberRoute.DELETE, "DELETE", path, { as: desk.owner, params })).status).toBe(404);
    const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: other.id, userId: otherOwner.id } } });
    expect(membership?.role).toBe("owner");
  });
});

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** For downloads that are not JSON: the status, and the JSON error body when there is one. */
async function callRouteText(handler: RouteHandler, method: string, url: string, options: { as: TestUser; params: Record<string, string> }): Promise<Answer> {
  const response = await handler(await signedInRequest(url, method, options.as), { params: Promise.resolve(options.params) });
  const text = await response.text();
  return { status: response.status, body: response.ok ? text : (JSON.parse(text) as unknown) };
}

/** For an endless Server-Sent Events stream: the status, then the stream is closed. */
async function callStreamRoute(handler: RouteHandler, url: string, as: TestUser, params: Record<string, string>): Promise<Answer> {
  const abort = new AbortController();
  const response = await handler(await signedInRequest(url, "GET", as, abort.signal), { params: Promise.resolve(params) });
  if (response.ok) {
    abort.abort();
    await response.body?.cancel();
    return { status: response.status, body: undefined };
  }
  return { status: response.status, body: (await response.json()) as unknown };
}

async function signedInRequest(url: string, method: string, as: TestUser, signal?: AbortSignal): Promise<NextRequest> {
  return new NextRequest(new URL(url, "http://localhost:3000"), { method, headers: { cookie: await sessionCookie(as) }, signal });
}
