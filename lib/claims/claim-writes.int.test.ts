import { describe, expect, it } from "vitest";
import { GET as getClaimRoute, PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import type { Claim } from "@/lib/claims/claim.schemas";
import { createApiTokenRecord, createPassageRecord } from "@/lib/fixtures/factories";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, recordQueries, type TestUser } from "@/scripts/test/desk";

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent.";

async function deskWithClaim() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
  const created = await callRoute(createClaimRoute, "POST", `/api/v1/passages/${passage.id}/claims`, {
    as: desk.reviewer,
    params: { passageId: passage.id },
    body: { start: 0, end: 44 },
  });
  return { ...desk, passage, claim: created.body as Claim };
}

const relabel = (claimId: string, label: string, version: number, auth: { as: TestUser } | { bearer: string }) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, {
    ...("as" in auth ? { as: auth.as } : {}),
    params: { claimId },
    body: { label },
    headers: { "if-match": `"${version}"`, ...("bearer" in auth ? { authorization: `Bearer ${auth.bearer}` } : {}) },
  });

describe("writes in two statements", () => {
  it("relabels with a cached API token in two statements (a session adds its row), answering what a read shows", async () => {
    const { reviewer, claim } = await deskWithClaim();
    const { secret } = await createApiTokenRecord(db, { userId: reviewer.id });
    // The token's first use looks it up; later ones reuse it.
    expect((await relabel(claim.id, "opinion", 1, { bearer: secret })).status).toBe(200);

    const withToken = await recordQueries(() => relabel(claim.id, "factual", 2, { bearer: secret }));
    expect(withToken.result.status).toBe(200);
    expect(withToken.result.headers.get("etag")).toBe('"3"');
    // One read of the access and the claim, one write of the claim, its audit events and the NOTIFY.
    expect(withToken.queries).toHaveLength(2);
    expect(withToken.queries[1]).toMatch(/^\s*WITH updated AS \(\s*UPDATE "Claim"/);
    const read = await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claim.id}`, { as: reviewer, params: { claimId: claim.id } });
    expect(withToken.result.body).toEqual(read.body);
    expect(withToken.result.body).toMatchObject({ label: "factual", version: 3 });

    const withSession = await recordQueries(() => relabel(claim.id, "disputed", 3, { as: reviewer }));
    expect(withSession.result.body).toMatchObject({ label: "disputed", version: 4 });
    // The session's row is read first.
    expect(withSession.queries).toHaveLength(3);

    const history = await db.auditEvent.findMany({ where: { claimId: claim.id, field: "label" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(history.map((event) => [event.before, event.after, event.actorId])).toEqual([
      [null, "opinion", reviewer.id],
      ["opinion", "factual", reviewer.id],
      ["factual", "disputed", reviewer.id],
    ]);
  });

  it("creates a claim in two statements after the sign-in, answering what a read shows; a bad span writes nothing", async () => {
    const { reviewer, passage } = await deskWithClaim();
    const { secret } = await createApiTokenRecord(db, { userId: reviewer.id });
    const create = (body: unknown) =>
      callRoute(createClaimRoute, "POST", `/api/v1/passages/${passage.id}/claims`, { params: { passageId: passage.id }, body, headers: { authorization: `Bearer ${secret}` } });
    expect((await create({ exact: "Critics say 7 percent." })).status).toBe(201);

    const created = await recordQueries(() => create({ start: 0, end: 12, label: "factual" }));
    expect(created.result.status).toBe(201);
    // One read of the passage and the caller's access, one write of the claim, its event and the NOTIFY.
    expect(created.queries).toHaveLength(2);
    const claim = created.result.body as Claim;
    expect(claim).toMatchObject({ statement: "Unemployment", label: "factual", state: "draft", version: 1, target: { position: { start: 0, end: 12 } } });
    const read = await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claim.id}`, { as: reviewer, params: { claimId: claim.id } });
    expect(claim).toEqual(read.body);
    expect(await db.auditEvent.findMany({ where: { claimId: claim.id }, select: { action: true, after: true } })).toEqual([
      { action: "claim.created", after: { exact: "Unemployment", start: 0, end: 12, label: "factual" } },
    ]);

    // A bad span writes nothing.
    const before = await db.claim.count({ where: { passageId: passage.id } });
    expect((await create({ start: 50, end: 10 })).status).toBe(400);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(before);
  });

  it("lets exactly one of two relabels from the same version through; the other gets 412 with the winner's claim", async () => {
    const { reviewer, editor, claim } = await deskWithClaim();
    const [first, second] = await Promise.all([relabel(claim.id, "opinion", 1, { as: reviewer }), relabel(claim.id, "disputed", 1, { as: editor })]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 412]);
    const winner = (first.status === 200 ? first : second).body as Claim;
    const loser = (first.status === 200 ? second : first).body as { error: { code: string; details: { current: Claim } } };
    expect(loser.error.code).toBe("precondition_failed");
    expect(loser.error.details.current).toMatchObject({ id: claim.id, version: 2, label: winner.label });
    const events = await db.auditEvent.findMany({ where: { claimId: claim.id, action: "claim.updated" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toBe(winner.label);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { label: true, version: true } })).toEqual({ label: winner.label, version: 2 });
  });

  it("refuses an assignee from outside the workspace and a stale version without writing anything", async () => {
    const { reviewer, editor, stranger, claim } = await deskWithClaim();
    const outsider = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, {
      as: editor,
      params: { claimId: claim.id },
      body: { assigneeId: stranger.id },
      headers: { "if-match": '"1"' },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body).toMatchObject({ error: { details: [{ path: ["body", "assigneeId"] }] } });
    expect((await relabel(claim.id, "opinion", 5, { as: reviewer })).status).toBe(412);
    expect(await db.auditEvent.count({ where: { claimId: claim.id, action: "claim.updated" } })).toBe(0);
    expect(await db.notification.count({ where: { claimId: claim.id } })).toBe(0);

    const assigned = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, {
      as: editor,
      params: { claimId: claim.id },
      body: { assigneeId: reviewer.id },
      headers: { "if-match": '"1"' },
    });
    expect(assigned.body).toMatchObject({ assigneeId: reviewer.id, version: 2 });
    expect(await db.notification.findMany({ where: { claimId: claim.id }, select: { userId: true, actorId: true, kind: true } })).toEqual([
      { userId: reviewer.id, actorId: editor.id, kind: "assignment" },
    ]);
  });
});
