import { describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/bulk/route";
import type { BulkUpdateResult } from "@/lib/claims/claim.schemas";
import { countClaims } from "@/lib/claims/server/count-claims";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const TEXT = "Tuition rose 8 percent. Enrolment fell to 12,000. The dean called it a success.";

async function deskWithClaims() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
  const claims = await Promise.all([
    createClaimRecord(db, { passage, exact: "Tuition rose 8 percent.", createdById: desk.reviewer.id, label: "factual" }),
    createClaimRecord(db, { passage, exact: "Enrolment fell to 12,000.", createdById: desk.reviewer.id, state: "in_review" }),
    createClaimRecord(db, { passage, exact: "The dean called it a success.", createdById: desk.reviewer.id, label: "opinion", state: "verified" }),
  ]);
  return { ...desk, passage, claims };
}

const assignAll = (as: TestUser, workspaceId: string, claimIds: string[], assigneeId: string | null) =>
  callRoute(bulkRoute, "POST", `/api/v1/workspaces/${workspaceId}/claims/bulk`, { as, params: { workspaceId }, body: { claimIds, changes: { assigneeId } } });

describe("assignment", () => {
  it("lets an editor assign a passage's claims at once, notifying the reviewer of each, and counts them on the dashboard", async () => {
    const { editor, reviewer, workspaceId, claims } = await deskWithClaims();
    const response = await assignAll(editor, workspaceId, claims.map((claim) => claim.id), reviewer.id);
    expect(response.status).toBe(200);
    const { results } = response.body as BulkUpdateResult;
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db.notification.count({ where: { userId: reviewer.id, kind: "assignment" } })).toBe(3);
    const audit = await db.auditEvent.count({ where: { workspaceId, field: "assigneeId" } });
    expect(audit).toBe(3);

    const counts = await countClaims({ actor: { userId: reviewer.id, email: reviewer.email, name: reviewer.name, via: "session" }, workspaceId });
    expect(counts.total).toBe(3);
    expect(counts.byState).toEqual({ draft: 1, in_review: 1, verified: 1, rejected: 0 });
    expect(counts.byLabel).toEqual({ factual: 1, opinion: 1, disputed: 0, none: 1 });
    expect(counts.byStateAndLabel.verified.opinion).toBe(1);
    // Open work only: the verified claim is done.
    expect(counts.assignedToMe).toBe(2);
  });

  it("refuses assignment by a reviewer and to someone outside the workspace, claim by claim", async () => {
    const { editor, reviewer, stranger, workspaceId, claims } = await deskWithClaims();
    const [claim] = claims;
    if (!claim) throw new Error("no claim");
    const byReviewer = (await assignAll(reviewer, workspaceId, [claim.id], reviewer.id)).body as BulkUpdateResult;
    expect(byReviewer.results[0]).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const toStranger = (await assignAll(editor, workspaceId, [claim.id], stranger.id)).body as BulkUpdateResult;
    expect(toStranger.results[0]).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { assigneeId: true } })).toEqual({ assigneeId: null });
    expect(await db.notification.count({ where: { claimId: claim.id } })).toBe(0);
  });
});
