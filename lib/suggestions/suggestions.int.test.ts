import { describe, expect, it } from "vitest";
import { DELETE as deleteClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as acceptRoute } from "@/app/api/v1/passages/[passageId]/suggestions/accept/route";
import { POST as dismissRoute } from "@/app/api/v1/passages/[passageId]/suggestions/dismissals/route";
import { GET as suggestionsRoute } from "@/app/api/v1/passages/[passageId]/suggestions/route";
import type { Claim } from "@/lib/claims/claim.schemas";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import type { Suggestion } from "@/lib/suggestions/suggestion.schemas";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const BUDGET = "Riverton City Council approved a £48.6 million budget on Tuesday, by seven votes to four.";
const TAX = "The plan raises council tax by 4.99 percent, the maximum allowed without a referendum.";
const DEPOT = "The depot has stood empty since 2019, according to council records.";
const OPINION = "Frankly, the council should have sold that shameful depot years ago.";
const TEXT = ["NEWS | SPORT | OPINION", "Council passes budget", `${BUDGET} ${TAX}`, "Advertisement", `${DEPOT} ${OPINION}`, "Council passes budget"].join("\n\n");

async function deskWithPassage() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
  return { ...desk, passage };
}

const listSuggestions = async (as: TestUser, passageId: string, query = "") => {
  const response = await callRoute(suggestionsRoute, "GET", `/api/v1/passages/${passageId}/suggestions${query}`, { as, params: { passageId } });
  return { ...response, items: (response.body as { items?: Suggestion[] }).items ?? [] };
};
const dismiss = (as: TestUser, passageId: string, body: unknown) =>
  callRoute(dismissRoute, "POST", `/api/v1/passages/${passageId}/suggestions/dismissals`, { as, params: { passageId }, body });
const accept = (as: TestUser, passageId: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(acceptRoute, "POST", `/api/v1/passages/${passageId}/suggestions/accept`, { as, params: { passageId }, body, headers });
const spanOf = (exact: string) => ({ start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length });

describe("listing suggestions", () => {
  it("lists check-worthy sentences and stated opinions best first with exact offsets and reasons, without debris", async () => {
    const { viewer, passage } = await deskWithPassage();
    const response = await listSuggestions(viewer, passage.id);
    expect(response.status).toBe(200);
    expect(response.items.map((item) => item.exact).sort()).toEqual([BUDGET, DEPOT, TAX, OPINION].sort());
    // The opinion is offered to be tagged as one, after the facts to check.
    expect(response.items.at(-1)).toMatchObject({ exact: OPINION, suggestedLabel: "opinion" });
    for (const item of response.items) expect(TEXT.slice(item.start, item.end)).toBe(item.exact);
    expect(response.items.map((item) => item.score)).toEqual(response.items.map((item) => item.score).sort((a, b) => b - a));
    expect(response.items.find((item) => item.exact === DEPOT)).toMatchObject({ suggestedLabel: "factual", reasons: expect.arrayContaining(["date", "attribution"]) });
  });

  it("filters by minScore and refuses a minScore outside [0, 1]", async () => {
    const { viewer, passage } = await deskWithPassage();
    const all = await listSuggestions(viewer, passage.id, "?minScore=0");
    const opinionScore = all.items.find((item) => item.exact === OPINION)?.score ?? 1;
    const aboveOpinion = await listSuggestions(viewer, passage.id, `?minScore=${opinionScore + 0.001}`);
    expect(aboveOpinion.items.map((item) => item.exact)).not.toContain(OPINION);
    expect(aboveOpinion.items.every((item) => item.score > opinionScore)).toBe(true);
    const high = await listSuggestions(viewer, passage.id, "?minScore=0.99");
    expect(high.items).toEqual([]);
    const invalid = await listSuggestions(viewer, passage.id, "?minScore=2");
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("minScore") } });
  });

  it("warns about a sentence whose number the scraper dropped, with a lower score, and labels judgements opinion", async () => {
    const { viewer, workspaceId, owner } = await createDesk();
    const garbled = "Flooding in the Tarn valley forced almost , residents from their homes on 3 April, officials said.";
    const whole = "Flooding in the Ure valley forced almost 4,000 residents from their homes on 3 April, officials said.";
    const framing = "Blaming the Tarn floods on a single dam is nothing more than a convenient fantasy.";
    const text = `${garbled}\n\n${framing}\n\n${whole}`;
    const passage = await createPassageRecord(db, { workspaceId, createdById: owner.id, text });
    const { items } = await listSuggestions(viewer, passage.id, "?minScore=0");
    const flagged = items.find((item) => item.exact === garbled);
    const clean = items.find((item) => item.exact === whole);
    expect(flagged?.warnings).toEqual([{ reason: "garbled", message: expect.stringContaining("Check the original source") }]);
    expect(clean?.warnings).toEqual([]);
    expect(flagged?.score).toBeLessThan(clean?.score ?? 0);
    expect(items.find((item) => item.exact === framing)).toMatchObject({ suggestedLabel: "opinion", reasons: expect.arrayContaining(["evaluative"]) });
  });

  it("leaves out sentences overlapping a live claim, and brings them back when the claim is deleted", async () => {
    const { viewer, editor, owner, passage } = await deskWithPassage();
    const claim = await createClaimRecord(db, { passage, exact: "council tax by 4.99 percent", createdById: owner.id });
    expect((await listSuggestions(viewer, passage.id)).items.map((item) => item.exact)).not.toContain(TAX);
    expect((await callRoute(deleteClaimRoute, "DELETE", `/api/v1/claims/${claim.id}`, { as: editor, params: { claimId: claim.id } })).status).toBe(204);
    expect((await listSuggestions(viewer, passage.id)).items.map((item) => item.exact)).toContain(TAX);
  });

  it("answers 404 to a non-member and 401 without a session", async () => {
    const { stranger, passage } = await deskWithPassage();
    expect((await listSuggestions(stranger, passage.id)).status).toBe(404);
    expect((await callRoute(suggestionsRoute, "GET", `/api/v1/passages/${passage.id}/suggestions`, { params: { passageId: passage.id } })).status).toBe(401);
  });
});

describe("dismissing suggestions", () => {
  it("records one audit event per dismissed span and hides it from everyone", async () => {
    const { reviewer, viewer, passage } = await deskWithPassage();
    const first = await dismiss(reviewer, passage.id, spanOf(DEPOT));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ ...spanOf(DEPOT), exact: DEPOT });
    expect((await dismiss(reviewer, passage.id, spanOf(DEPOT))).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { entityType: "passage", entityId: passage.id, action: "suggestion.dismissed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: reviewer.id, after: { ...spanOf(DEPOT), exact: DEPOT } });
    expect((await listSuggestions(viewer, passage.id)).items.map((item) => item.exact)).not.toContain(DEPOT);
  });

  it("keeps the dismissal in its own row, so the audit log is history only", async () => {
    const { reviewer, viewer, passage } = await deskWithPassage();
    expect((await dismiss(reviewer, passage.id, spanOf(DEPOT))).status).toBe(201);
    expect(await db.suggestionDismissal.findMany({ where: { passageId: passage.id }, select: { start: true, end: true, dismissedById: true } })).toEqual([
      { ...spanOf(DEPOT), dismissedById: reviewer.id },
    ]);
    await db.auditEvent.deleteMany({ where: { entityType: "passage", entityId: passage.id, action: "suggestion.dismissed" } });
    expect((await listSuggestions(viewer, passage.id)).items.map((item) => item.exact)).not.toContain(DEPOT);
  });

  it("refuses a span that is not a suggestion (400), a viewer (403) and a non-member (404)", async () => {
    const { reviewer, viewer, stranger, passage } = await deskWithPassage();
    const notASuggestion = await dismiss(reviewer, passage.id, { start: 0, end: 4 });
    expect(notASuggestion.status).toBe(400);
    expect(notASuggestion.body).toMatchObject({ error: { message: expect.stringContaining("/suggestions") } });
    expect((await dismiss(reviewer, passage.id, { start: 5 })).status).toBe(400);
    expect((await dismiss(viewer, passage.id, spanOf(DEPOT))).status).toBe(403);
    expect((await dismiss(stranger, passage.id, spanOf(DEPOT))).status).toBe(404);
  });
});

describe("accepting suggestions", () => {
  it("creates draft claims with the suggested labels, audited as created from a suggestion", async () => {
    const { reviewer, viewer, passage } = await deskWithPassage();
    const response = await accept(reviewer, passage.id, { suggestions: [spanOf(DEPOT), spanOf(BUDGET)] });
    expect(response.status).toBe(201);
    const claims = (response.body as { items: Claim[] }).items;
    expect(claims.map((claim) => [claim.statement, claim.label, claim.state])).toEqual([
      [BUDGET, "factual", "draft"],
      [DEPOT, "factual", "draft"],
    ]);
    const events = await db.auditEvent.findMany({ where: { claimId: { in: claims.map((claim) => claim.id) }, action: "claim.created" } });
    expect(events).toHaveLength(2);
    for (const event of events) expect(event).toMatchObject({ actorId: reviewer.id, after: { origin: "suggestion", label: "factual" } });
    expect((await listSuggestions(viewer, passage.id)).items.map((item) => item.exact)).toEqual([TAX, OPINION]);
  });

  it("accepts nothing when one listed suggestion is no longer open (409), naming it", async () => {
    const { reviewer, passage } = await deskWithPassage();
    expect((await dismiss(reviewer, passage.id, spanOf(TAX))).status).toBe(201);
    const response = await accept(reviewer, passage.id, { suggestions: [spanOf(BUDGET), spanOf(TAX)] });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: "conflict", details: { missing: [`${spanOf(TAX).start}:${spanOf(TAX).end}`] } } });
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(0);
    expect((await accept(reviewer, passage.id, { suggestions: [spanOf(BUDGET)] })).status).toBe(201);
    expect((await accept(reviewer, passage.id, { suggestions: [spanOf(BUDGET)] })).status).toBe(409);
  });

  it("accepts every open suggestion above a threshold in one go, and then none", async () => {
    const { reviewer, viewer, passage } = await deskWithPassage();
    const expected = (await listSuggestions(viewer, passage.id, "?minScore=0.5")).items;
    expect(expected.length).toBeGreaterThan(0);
    const response = await accept(reviewer, passage.id, { minScore: 0.5 });
    expect(response.status).toBe(201);
    const claims = (response.body as { items: Claim[] }).items;
    expect(claims.map((claim) => claim.target.position.start).sort()).toEqual(expected.map((item) => item.start).sort());
    expect(claims.every((claim) => claim.state === "draft")).toBe(true);
    const again = await accept(reviewer, passage.id, { minScore: 0.5 });
    expect(again.status).toBe(201);
    expect((again.body as { items: Claim[] }).items).toEqual([]);
  });

  it("replays a retried request with the same Idempotency-Key instead of answering 409", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const first = await accept(reviewer, passage.id, { suggestions: [spanOf(TAX)] }, { "idempotency-key": "accept-1" });
    const retry = await accept(reviewer, passage.id, { suggestions: [spanOf(TAX)] }, { "idempotency-key": "accept-1" });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(1);
  });

  it("refuses a malformed body (400), a viewer (403) and a non-member (404)", async () => {
    const { reviewer, viewer, stranger, passage } = await deskWithPassage();
    expect((await accept(reviewer, passage.id, { suggestions: [] })).status).toBe(400);
    expect((await accept(reviewer, passage.id, { minScore: 3 })).status).toBe(400);
    expect((await accept(reviewer, passage.id, {})).status).toBe(400);
    expect((await accept(viewer, passage.id, { suggestions: [spanOf(BUDGET)] })).status).toBe(403);
    expect((await accept(stranger, passage.id, { minScore: 0.5 })).status).toBe(404);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(0);
  });
});
