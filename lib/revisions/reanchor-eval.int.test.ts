import { describe, expect, it } from "vitest";
import { GET as listPassageClaimsRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { POST as createRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/route";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { createPassageRecord } from "@/lib/fixtures/factories";
import { reanchorAll } from "@/lib/revisions/reanchor";
import { revisionFixtures } from "@/lib/revisions/eval/revision-fixtures";
import { addToTally, emptyTally, hypothesisAnchor, judge, oldAnchorOf, type Outcome } from "@/lib/revisions/eval/score-reanchoring";
import { createDesk, db } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

// The evaluation of docs/revisions.md, through the API: every fixture is imported as a passage with
// its claims, revised with POST /revisions, and each claim read back and judged beside
// Hypothesis-style anchoring (`npm run eval:reanchor` prints the same table from the pure function).

describe("re-anchoring evaluation through the API", () => {
  it("misplaces no claim, flags every edited sentence, and gets more right than Hypothesis-style anchoring", async () => {
    const desk = await createDesk();
    const ours = emptyTally();
    const baseline = emptyTally();
    for (const fixture of revisionFixtures()) {
      const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: fixture.old, title: fixture.id });
      const anchors = fixture.claims.map((claim) => oldAnchorOf(fixture, claim));
      const created = await Promise.all(
        anchors.map((anchor) =>
          db.claim.create({
            data: { workspaceId: desk.workspaceId, passageId: passage.id, createdById: desk.reviewer.id, statement: anchor.exact, ...anchor },
            select: { id: true },
          }),
        ),
      );
      const response = await callRoute(createRevisionRoute, "POST", `/api/v1/passages/${passage.id}/revisions`, {
        as: desk.editor,
        params: { passageId: passage.id },
        body: { text: fixture.new },
        headers: { "if-match": '"1"' },
      });
      expect(response.status, fixture.id).toBe(201);
      const listed = await callRoute(listPassageClaimsRoute, "GET", `/api/v1/passages/${passage.id}/claims?all=true`, { as: desk.viewer, params: { passageId: passage.id } });
      const byId = new Map((listed.body as { items: ClaimSummary[] }).items.map((claim) => [claim.id, claim]));
      const pure = reanchorAll(fixture.old, fixture.new, anchors);

      fixture.claims.forEach((claim, index) => {
        const read = byId.get(created[index]!.id)!;
        const outcome: Outcome =
          read.anchor.status === "orphaned" ? { status: "orphaned" } : { status: read.anchor.status, start: read.target.position.start, end: read.target.position.end };
        // The API stores what the algorithm decided (placements trimmed of edge whitespace, as every target is).
        const expected = pure[index]!;
        expect({ id: fixture.id, quote: claim.quote, status: outcome.status }).toEqual({ id: fixture.id, quote: claim.quote, status: expected.status });
        addToTally(ours, claim, outcome, judge(fixture, claim, outcome));
        const baselineOutcome = hypothesisAnchor(fixture.new, anchors[index]!);
        addToTally(baseline, claim, baselineOutcome, judge(fixture, claim, baselineOutcome));
      });
    }
    expect(ours.misplaced).toBe(0);
    expect(ours.silent).toBe(0);
    expect(ours.editedFlagged).toBe(ours.edited);
    expect(ours.right).toBeGreaterThan(baseline.right);
    expect(baseline.misplaced).toBeGreaterThan(0);
  });
});
