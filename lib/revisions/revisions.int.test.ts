import { describe, expect, it } from "vitest";
import { POST as setAnchorRoute } from "@/app/api/v1/claims/[claimId]/anchor/route";
import { GET as getClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as getRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/[number]/route";
import { GET as listRevisionsRoute, POST as createRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/route";
import { GET as listClaimsRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/route";
import type { Claim, ClaimSummary } from "@/lib/claims/claim.schemas";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import type { CreateRevisionAnswer, PassageRevisionList, PassageRevisionWithText } from "@/lib/revisions/revision.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

type Desk = Awaited<ReturnType<typeof createDesk>>;

const OLD = "Unemployment fell to 5.1 percent in October. The deficit was cut in half last year.\n\nTaxes rose by 3 percent. Critics say the plan will fail.";
const NEW = "Unemployment fell to 5.3 percent in October.\n\nTaxes rose by 3 percent. Critics say the plan will fail.";

const revisionsPath = (passageId: string) => `/api/v1/passages/${passageId}/revisions`;
const revise = (as: TestUser, passageId: string, body: unknown, headers: Record<string, string> = { "if-match": '"1"' }) =>
  callRoute(createRevisionRoute, "POST", revisionsPath(passageId), { as, params: { passageId }, body, headers });
const getClaim = async (as: TestUser, claimId: string) => (await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as, params: { claimId } })).body as Claim;
const setAnchor = (as: TestUser, claim: Claim, body: unknown) =>
  callRoute(setAnchorRoute, "POST", `/api/v1/claims/${claim.id}/anchor`, { as, params: { claimId: claim.id }, body, headers: { "if-match": `"${claim.version}"` } });

async function deskWithPassage() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: OLD });
  const claim = (exact: string, state: "draft" | "verified" = "draft") =>
    createClaimRecord(db, { passage, exact, createdById: desk.reviewer.id, label: "factual", state });
  const claims = {
    figure: await claim("Unemployment fell to 5.1 percent in October.", "verified"),
    deficit: await claim("The deficit was cut in half last year."),
    taxes: await claim("Taxes rose by 3 percent."),
  };
  return { ...desk, passage, claims };
}

describe("passage revisions", () => {
  it("saves a revision, keeps every revision readable and re-anchors each claim with its status", async () => {
    const desk = await deskWithPassage();
    const response = await revise(desk.editor, desk.passage.id, { text: NEW, note: "Corrected the unemployment figure" });
    expect(response.status).toBe(201);
    expect(response.headers.get("etag")).toBe('"2"');
    const answer = response.body as CreateRevisionAnswer;
    expect(answer).toMatchObject({
      passage: { id: desk.passage.id, text: NEW, revision: 2 },
      revision: { number: 2, note: "Corrected the unemployment figure", createdBy: { id: desk.editor.id } },
      reanchor: { exact: 0, moved: 1, changed: 1, orphaned: 1 },
    });

    const figure = await getClaim(desk.editor, desk.claims.figure.id);
    expect(figure.anchor).toEqual({ status: "changed", confidence: expect.any(Number), revision: 2, previousQuote: "Unemployment fell to 5.1 percent in October.", needsReview: true });
    expect(figure.target.quote.exact).toBe("Unemployment fell to 5.3 percent in October.");
    const deficit = await getClaim(desk.editor, desk.claims.deficit.id);
    expect(deficit.anchor).toMatchObject({ status: "orphaned", revision: 1, needsReview: true });
    expect(deficit.target.quote.exact).toBe("The deficit was cut in half last year.");
    const taxes = await getClaim(desk.editor, desk.claims.taxes.id);
    expect(taxes.anchor).toMatchObject({ status: "moved", revision: 2, needsReview: false, previousQuote: null });
    expect(taxes.target.position).toEqual({ start: 46, end: 70 });

    const list = await callRoute(listRevisionsRoute, "GET", revisionsPath(desk.passage.id), { as: desk.viewer, params: { passageId: desk.passage.id } });
    expect((list.body as PassageRevisionList).items.map((revision) => [revision.number, revision.note])).toEqual([[2, "Corrected the unemployment figure"], [1, null]]);
    const first = await callRoute(getRevisionRoute, "GET", `${revisionsPath(desk.passage.id)}/1`, { as: desk.viewer, params: { passageId: desk.passage.id, number: "1" } });
    expect((first.body as PassageRevisionWithText).text).toBe(OLD);

    const queue = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?anchor=changed,orphaned`, {
      as: desk.reviewer,
      params: { workspaceId: desk.workspaceId },
    });
    expect((queue.body as { items: ClaimSummary[] }).items.map((claim) => claim.id).sort()).toEqual([desk.claims.figure.id, desk.claims.deficit.id].sort());

    // A person confirms the changed anchor and the orphan: neither needs review any more.
    const confirmed = await setAnchor(desk.editor, figure, { action: "confirm" });
    expect(confirmed.status).toBe(200);
    expect((confirmed.body as Claim).anchor).toEqual({ status: "exact", confidence: 1, revision: 2, previousQuote: null, needsReview: false });
    const orphaned = await setAnchor(desk.reviewer, deficit, { action: "orphan" });
    expect((orphaned.body as Claim).anchor).toMatchObject({ status: "orphaned", confidence: 1, needsReview: false });
  });
});
