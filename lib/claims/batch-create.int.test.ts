import { describe, expect, it } from "vitest";
import { POST as batchCreateRoute } from "@/app/api/v1/passages/[passageId]/claims/batch/route";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { BATCH_CREATE_MAX_CLAIMS, type BatchCreateReport } from "@/lib/claims/claim.schemas";
import { createPassageRecord } from "@/lib/fixtures/factories";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent. The mayor said the budget grew.";
const WORDS = "word ".repeat(BATCH_CREATE_MAX_CLAIMS + 10);

async function deskWithPassage(text = TEXT) {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text });
  return { ...desk, passage };
}

const batchCreate = (as: TestUser, passageId: string, claims: unknown[], headers: Record<string, string> = {}) =>
  callRoute(batchCreateRoute, "POST", `/api/v1/passages/${passageId}/claims/batch`, { as, params: { passageId }, body: { claims }, headers });
const createClaim = (as: TestUser, passageId: string, body: unknown) =>
  callRoute(createClaimRoute, "POST", `/api/v1/passages/${passageId}/claims`, { as, params: { passageId }, body });
const errorMessage = (answer: { body: unknown }) => (answer.body as { error: { message: string } }).error.message;
/** The i-th word of WORDS. */
const word = (i: number) => ({ start: 5 * i, end: 5 * i + 4 });

describe("batch create", () => {
  it(`creates ${BATCH_CREATE_MAX_CLAIMS} claims in one request, and refuses ${BATCH_CREATE_MAX_CLAIMS + 1} whole with a 400 naming the limit`, async () => {
    const { reviewer, passage } = await deskWithPassage(WORDS);
    const over = await batchCreate(reviewer, passage.id, Array.from({ length: BATCH_CREATE_MAX_CLAIMS + 1 }, (_, i) => word(i)));
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: ["body", "claims"], message: `Create at most ${BATCH_CREATE_MAX_CLAIMS} claims at once`, maximum: BATCH_CREATE_MAX_CLAIMS }] },
    });
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(0);

    const full = await batchCreate(reviewer, passage.id, Array.from({ length: BATCH_CREATE_MAX_CLAIMS }, (_, i) => word(i)));
    expect(full.status).toBe(200);
    expect((full.body as BatchCreateReport).counts).toEqual({ items: BATCH_CREATE_MAX_CLAIMS, created: BATCH_CREATE_MAX_CLAIMS, notAnchored: 0, refused: 0 });
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(BATCH_CREATE_MAX_CLAIMS);
  });

  it("reports each item: the valid ones are created and audited, the ones a single create refuses get its reason", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const outOfRange = { start: 90, end: 500 };
    const missingQuote = { exact: "9 percent" };
    const answer = await batchCreate(reviewer, passage.id, [
      { start: 0, end: 44, label: "factual" },
      outOfRange,
      { exact: "Critics say 7 percent.", statement: "Critics put it at 7 percent." },
      missingQuote,
    ]);
    expect(answer.status).toBe(200);
    const report = answer.body as BatchCreateReport;
    expect(report.counts).toEqual({ items: 4, created: 2, notAnchored: 2, refused: 0 });
    expect(report.items.map(({ index, status }) => [index, status])).toEqual([
      [0, "created"],
      [1, "not_anchored"],
      [2, "created"],
      [3, "not_anchored"],
    ]);
    expect(report.items[1]?.reason).toBe(errorMessage(await createClaim(reviewer, passage.id, outOfRange)));
    expect(report.items[3]?.reason).toBe(errorMessage(await createClaim(reviewer, passage.id, missingQuote)));

    const createdIds = report.items.flatMap((item) => (item.claimId ? [item.claimId] : []));
    const claims = await db.claim.findMany({ where: { passageId: passage.id }, orderBy: { start: "asc" }, select: { id: true, exact: true, statement: true, label: true, state: true, createdById: true } });
    expect(claims).toEqual([
      { id: createdIds[0], exact: "Unemployment fell to 5.1 percent in October.", statement: "Unemployment fell to 5.1 percent in October.", label: "factual", state: "draft", createdById: reviewer.id },
      { id: createdIds[1], exact: "Critics say 7 percent.", statement: "Critics put it at 7 percent.", label: null, state: "draft", createdById: reviewer.id },
    ]);
    const events = await db.auditEvent.findMany({ where: { claimId: { in: createdIds } }, select: { claimId: true, action: true, actorId: true } });
    expect(events.sort((a, b) => createdIds.indexOf(a.claimId ?? "") - createdIds.indexOf(b.claimId ?? ""))).toEqual(
      createdIds.map((claimId) => ({ claimId, action: "claim.created", actorId: reviewer.id })),
    );
  });

  it("holds a reviewer in a blind workspace to the label rule of a single create; an editor sets labels", async () => {
    const { reviewer, editor, passage, workspaceId } = await deskWithPassage();
    await db.workspace.update({ where: { id: workspaceId }, data: { isBlindReview: true } });
    const labelled = { start: 0, end: 44, label: "factual" };

    const byReviewer = await batchCreate(reviewer, passage.id, [labelled, { exact: "Critics say 7 percent." }]);
    expect(byReviewer.status).toBe(200);
    const single = await createClaim(reviewer, passage.id, labelled);
    expect(single.status).toBe(409);
    expect((byReviewer.body as BatchCreateReport).items).toEqual([
      { index: 0, status: "refused", claimId: null, reason: errorMessage(single) },
      { index: 1, status: "created", claimId: expect.any(String), reason: null },
    ]);

    const byEditor = await batchCreate(editor, passage.id, [labelled]);
    expect((byEditor.body as BatchCreateReport).counts.created).toBe(1);
    expect(await db.claim.findMany({ where: { passageId: passage.id }, orderBy: { start: "asc" }, select: { label: true, createdById: true } })).toEqual([
      { label: "factual", createdById: editor.id },
      { label: null, createdById: reviewer.id },
    ]);
  });

  it("answers a retry with the same Idempotency-Key with the first report and creates nothing new", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const claims = [{ start: 0, end: 44 }, { exact: "7 percent" }, { start: 500, end: 501 }];
    const headers = { "idempotency-key": `batch-${passage.id}` };
    const first = await batchCreate(reviewer, passage.id, claims, headers);
    expect(first.status).toBe(200);
    const retry = await batchCreate(reviewer, passage.id, claims, headers);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(2);

    const otherBody = await batchCreate(reviewer, passage.id, claims.slice(1), headers);
    expect(otherBody.status).toBe(422);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(2);
  });

  it("is refused whole for a viewer (403) and for a non-member (404), creating nothing", async () => {
    const { viewer, stranger, passage } = await deskWithPassage();
    expect((await batchCreate(viewer, passage.id, [{ start: 0, end: 44 }])).status).toBe(403);
    expect((await batchCreate(stranger, passage.id, [{ start: 0, end: 44 }])).status).toBe(404);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(0);
  });
});
