import { describe, expect, it } from "vitest";
import { POST as setAnchorRoute } from "@/app/api/v1/claims/[claimId]/anchor/route";
import { GET as getClaimHistoryRoute } from "@/app/api/v1/claims/[claimId]/history/route";
import { GET as getClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as getRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/[number]/route";
import { GET as listRevisionsRoute, POST as createRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/route";
import { GET as listClaimsRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/route";
import { POST as importPassageRoute } from "@/app/api/v1/workspaces/[workspaceId]/passages/route";
import type { Claim, ClaimHistory, ClaimSummary } from "@/lib/claims/claim.schemas";
import { downloadExport } from "@/lib/exports/exports.int-helpers";
import { createClaimRecord, createPassageRecord, createUserRecord } from "@/lib/fixtures/factories";
import { PASSAGE_TEXT_LIMIT_BYTES } from "@/lib/passages/passage.schemas";
import { lockPassageRevision } from "@/lib/revisions/server/lock-passage-revision";
import type { Passage } from "@/lib/passages/passage.schemas";
import type { CreateRevisionAnswer, PassageRevisionList, PassageRevisionWithText } from "@/lib/revisions/revision.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

const OLD = "Unemployment fell to 5.1 percent in October. The deficit was cut in half last year.\n\nTaxes rose by 3 percent. Critics say the plan will fail.";
const NEW = "Unemployment fell to 5.3 percent in October.\n\nTaxes rose by 3 percent. Critics say the plan will fail.";

const revisionsPath = (passageId: string) => `/api/v1/passages/${passageId}/revisions`;
const revise = (as: TestUser, passageId: string, body: unknown, headers: Record<string, string> = { "if-match": '"1"' }) =>
  callRoute(createRevisionRoute, "POST", revisionsPath(passageId), { as, params: { passageId }, body, headers });
const getClaim = async (as: TestUser, claimId: string) => (await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as, params: { claimId } })).body as Claim;
const setAnchor = (as: TestUser, claim: Pick<Claim, "id" | "version">, body: unknown) =>
  callRoute(setAnchorRoute, "POST", `/api/v1/claims/${claim.id}/anchor`, { as, params: { claimId: claim.id }, body, headers: { "if-match": `"${claim.version}"` } });
const getRevision = (as: TestUser, passageId: string, number: string) =>
  callRoute(getRevisionRoute, "GET", `${revisionsPath(passageId)}/${number}`, { as, params: { passageId, number } });

async function deskWithPassage() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: OLD, title: "Jobs report" });
  const claim = (exact: string, state: "draft" | "verified" = "draft") =>
    createClaimRecord(db, { passage, exact, createdById: desk.reviewer.id, label: "factual", state });
  const claims = {
    figure: await claim("Unemployment fell to 5.1 percent in October.", "verified"),
    deficit: await claim("The deficit was cut in half last year."),
    taxes: await claim("Taxes rose by 3 percent."),
  };
  return { ...desk, passage, claims };
}

describe("POST /passages/{id}/revisions", () => {
  it("saves a revision, keeps every revision readable and re-anchors each claim with its status", async () => {
    const desk = await deskWithPassage();
    const response = await revise(desk.editor, desk.passage.id, { text: NEW, note: "Corrected the unemployment figure" });
    expect(response.status).toBe(201);
    expect(response.headers.get("etag")).toBe('"2"');
    const answer = response.body as CreateRevisionAnswer;
    expect(answer).toMatchObject({
      passage: { id: desk.passage.id, text: NEW, textLength: NEW.length, revision: 2 },
      revision: { number: 2, note: "Corrected the unemployment figure", createdBy: { id: desk.editor.id } },
      reanchor: { exact: 0, moved: 1, changed: 1, orphaned: 1 },
    });

    const figure = await getClaim(desk.editor, desk.claims.figure.id);
    expect(figure.anchor).toEqual({ status: "changed", confidence: expect.any(Number), revision: 2, previousQuote: "Unemployment fell to 5.1 percent in October.", needsReview: true });
    expect(figure.target.quote.exact).toBe("Unemployment fell to 5.3 percent in October.");
    expect(figure.version).toBe(2);
    const deficit = await getClaim(desk.editor, desk.claims.deficit.id);
    expect(deficit.anchor).toMatchObject({ status: "orphaned", revision: 1, needsReview: true });
    expect(deficit.target.quote.exact).toBe("The deficit was cut in half last year.");
    const taxes = await getClaim(desk.editor, desk.claims.taxes.id);
    expect(taxes.anchor).toEqual({ status: "moved", confidence: 1, revision: 2, previousQuote: null, needsReview: false });
    expect(taxes.target).toMatchObject({ quote: { exact: "Taxes rose by 3 percent.", prefix: "ell to 5.3 percent in October.\n\n" }, position: { start: 46, end: 70 } });

    const history = (await callRoute(getClaimHistoryRoute, "GET", `/api/v1/claims/${figure.id}/history`, { as: desk.viewer, params: { claimId: figure.id } })).body as ClaimHistory;
    expect(history.items.at(-1)).toMatchObject({ action: "claim.reanchored", field: "anchor", actor: { id: desk.editor.id }, after: { status: "changed", revision: 2 } });

    const list = await callRoute(listRevisionsRoute, "GET", revisionsPath(desk.passage.id), { as: desk.viewer, params: { passageId: desk.passage.id } });
    expect(list.headers.get("etag")).toBe('"2"');
    expect((list.body as PassageRevisionList).items.map((revision) => [revision.number, revision.note, revision.createdBy?.id])).toEqual([
      [2, "Corrected the unemployment figure", desk.editor.id],
      [1, null, desk.owner.id],
    ]);
    expect(((await getRevision(desk.viewer, desk.passage.id, "1")).body as PassageRevisionWithText).text).toBe(OLD);
    expect(((await getRevision(desk.viewer, desk.passage.id, "2")).body as PassageRevisionWithText).text).toBe(NEW);
    expect((await getRevision(desk.viewer, desk.passage.id, "3")).status).toBe(404);
  });

  it("lists the re-anchoring queue, and takes a person's decision: confirm, place or orphan", async () => {
    const desk = await deskWithPassage();
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(201);
    const queue = async (query: string) => {
      const response = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?${query}`, { as: desk.reviewer, params: { workspaceId: desk.workspaceId } });
      expect(response.status).toBe(200);
      return (response.body as { items: ClaimSummary[] }).items.map((claim) => claim.id).sort();
    };
    expect(await queue("anchor=changed,orphaned")).toEqual([desk.claims.figure.id, desk.claims.deficit.id].sort());
    expect(await queue("anchor=moved")).toEqual([desk.claims.taxes.id]);

    const figure = await getClaim(desk.editor, desk.claims.figure.id);
    const deficit = await getClaim(desk.editor, desk.claims.deficit.id);
    // A verified claim's anchor is an editor's call; a stale version is refused with the current claim.
    expect((await setAnchor(desk.reviewer, figure, { action: "confirm" })).status).toBe(403);
    const stale = await setAnchor(desk.editor, { id: figure.id, version: 1 }, { action: "confirm" });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: { details: { current: { id: figure.id, version: 2 } } } });
    expect((await callRoute(setAnchorRoute, "POST", `/api/v1/claims/${figure.id}/anchor`, { as: desk.editor, params: { claimId: figure.id }, body: { action: "confirm" } })).status).toBe(428);
    expect((await setAnchor(desk.editor, figure, { action: "move" })).status).toBe(400);
    expect((await setAnchor(desk.editor, deficit, { action: "confirm" })).status).toBe(409);

    const confirmed = await setAnchor(desk.editor, figure, { action: "confirm" });
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get("etag")).toBe('"3"');
    expect((confirmed.body as Claim).anchor).toEqual({ status: "exact", confidence: 1, revision: 2, previousQuote: null, needsReview: false });

    expect((await setAnchor(desk.reviewer, deficit, { action: "place", exact: "the deficit" })).status).toBe(400);
    const placed = await setAnchor(desk.reviewer, deficit, { action: "place", start: 46, end: 70 });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ target: { quote: { exact: "Taxes rose by 3 percent." } }, anchor: { status: "exact", confidence: 1, revision: 2, needsReview: false } });
    const orphaned = await setAnchor(desk.reviewer, placed.body as Claim, { action: "orphan" });
    expect((orphaned.body as Claim).anchor).toMatchObject({ status: "orphaned", confidence: 1, needsReview: false });
    expect(await queue("needsReview=true")).toEqual([]);
    expect(await queue("anchor=changed,orphaned")).toEqual([desk.claims.deficit.id]);

    const history = (await callRoute(getClaimHistoryRoute, "GET", `/api/v1/claims/${deficit.id}/history`, { as: desk.viewer, params: { claimId: deficit.id } })).body as ClaimHistory;
    expect(history.items.slice(-2).map((item) => item.action)).toEqual(["claim.anchor_placed", "claim.anchor_orphaned"]);
  });

  it("keeps a changed anchor changed through the next revision, until someone confirms it", async () => {
    const desk = await deskWithPassage();
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(201);
    const third = `Updated.\n\n${NEW}`;
    const response = await revise(desk.editor, desk.passage.id, { text: third }, { "if-match": '"2"' });
    expect(response.body).toMatchObject({ revision: { number: 3 }, reanchor: { exact: 0, moved: 1, changed: 1, orphaned: 1 } });
    const figure = await getClaim(desk.editor, desk.claims.figure.id);
    expect(figure.anchor).toMatchObject({ status: "changed", revision: 3, previousQuote: "Unemployment fell to 5.1 percent in October.", needsReview: true });
    expect(figure.target.position.start).toBe("Updated.\n\n".length);
    // A revision that leaves it where it was (text added after it) keeps its version: nobody's edit is refused for nothing.
    expect((await revise(desk.editor, desk.passage.id, { text: `${third}\n\nA later paragraph.` }, { "if-match": '"3"' })).status).toBe(201);
    const after = await getClaim(desk.editor, desk.claims.figure.id);
    expect(after.anchor).toMatchObject({ status: "changed", revision: 4, needsReview: true });
    expect(after.version).toBe(figure.version);
  });

  it("leaves a verified claim whose anchor needs review out of ClaimReview exports until an editor confirms it", async () => {
    const desk = await deskWithPassage();
    const reviewed = async () => {
      const response = await downloadExport(desk.viewer, desk.workspaceId, { format: "claimreview" });
      return (JSON.parse(response.text) as { "@graph": { claimReviewed: string }[] })["@graph"].map((node) => node.claimReviewed);
    };
    expect(await reviewed()).toEqual(["Unemployment fell to 5.1 percent in October."]);
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(201);
    expect(await reviewed()).toEqual([]);
    const jsonl = await downloadExport(desk.viewer, desk.workspaceId, { format: "jsonl", state: "verified" });
    expect(jsonl.text).toContain(desk.claims.figure.id);
    expect((await setAnchor(desk.editor, await getClaim(desk.editor, desk.claims.figure.id), { action: "confirm" })).status).toBe(200);
    // The statement is the desk's own sentence; the quote it anchors to is what changed.
    expect(await reviewed()).toEqual(["Unemployment fell to 5.1 percent in October."]);
  });

  it("reads a pasted revision that is HTML source as its readable text, as an import does, so its claims keep their words", async () => {
    const { editor, passage, claims } = await deskWithPassage();
    const html = `<html><body><h1>Jobs report</h1>${OLD.split("\n\n").map((paragraph) => `<p>${paragraph}</p>`).join("")}<script>track()</script></body></html>`;
    const response = await revise(editor, passage.id, { text: html, note: "Pasted from the page source" });
    expect(response.status).toBe(201);
    const stored = await db.passage.findUniqueOrThrow({ where: { id: passage.id }, select: { text: true } });
    expect(stored.text).not.toMatch(/<p>|<script>|track\(\)/);
    expect((await getClaim(editor, claims.taxes.id)).anchor.status).toBe("moved");
  });

  it("answers 412 for a stale revision, 428 without If-Match, 409 for the same text", async () => {
    const desk = await deskWithPassage();
    const missing = await callRoute(createRevisionRoute, "POST", revisionsPath(desk.passage.id), { as: desk.editor, params: { passageId: desk.passage.id }, body: { text: NEW } });
    expect(missing.status).toBe(428);
    expect((await revise(desk.editor, desk.passage.id, { text: NEW }, { "if-match": "latest" })).status).toBe(400);
    expect((await revise(desk.editor, desk.passage.id, { text: OLD })).status).toBe(409);
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(201);
    const stale = await revise(desk.editor, desk.passage.id, { text: `${NEW} Again.` });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe('"2"');
    expect(stale.body).toMatchObject({ error: { code: "precondition_failed", details: { current: { revision: 2 } } } });
    expect((await revise(desk.editor, desk.passage.id, { text: `${NEW}\r\n` }, { "if-match": '"2"' })).status).toBe(201);
  });

  it("refuses reviewers (403), strangers and unknown passages (404), deleted passages (410), bad bodies (400) and oversized text (413)", async () => {
    const desk = await deskWithPassage();
    expect((await revise(desk.reviewer, desk.passage.id, { text: NEW })).status).toBe(403);
    expect((await revise(await createUserRecord(db), desk.passage.id, { text: NEW })).status).toBe(404);
    expect((await revise(desk.editor, "no-such-passage", { text: NEW })).status).toBe(404);
    expect((await revise(desk.editor, desk.passage.id, { text: "   " })).status).toBe(400);
    expect((await revise(desk.editor, desk.passage.id, { text: NEW, title: "New title" })).status).toBe(400);
    expect((await revise(desk.editor, desk.passage.id, { text: NEW, note: "x".repeat(1001) })).status).toBe(400);
    const tooLarge = await revise(desk.editor, desk.passage.id, { text: "a".repeat(PASSAGE_TEXT_LIMIT_BYTES + 1) });
    expect(tooLarge.status).toBe(413);
    expect((await getRevision(desk.viewer, desk.passage.id, "0")).status).toBe(400);
    await db.passage.update({ where: { id: desk.passage.id }, data: { deletedAt: new Date() } });
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(410);
    // Nothing was saved by any of them.
    expect(await db.passageRevision.count({ where: { passageId: desk.passage.id } })).toBe(0);
  });

  it("replays a retried revision with the same Idempotency-Key, text included, and saves it once", async () => {
    const desk = await deskWithPassage();
    const headers = { "if-match": '"1"', "idempotency-key": "revise-1" };
    const first = await revise(desk.editor, desk.passage.id, { text: NEW, note: "Once" }, headers);
    const again = await revise(desk.editor, desk.passage.id, { text: NEW, note: "Once" }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await db.passageRevision.count({ where: { passageId: desk.passage.id } })).toBe(2);
    expect((await revise(desk.editor, desk.passage.id, { text: `${NEW} Other.`, note: "Once" }, headers)).status).toBe(422);
  });

  it("takes the new text from an uploaded HTML file, read as an import reads it", async () => {
    const desk = await deskWithPassage();
    const formData = new FormData();
    formData.set("file", new File([`<html><head><title>Jobs</title></head><body><article><p>Unemployment fell to 5.3 percent in October.</p><p>Taxes rose by 3 percent. Critics say the plan will fail.</p></article></body></html>`], "jobs.html", { type: "text/html" }));
    formData.set("note", "From the web page");
    const response = await callRoute(createRevisionRoute, "POST", revisionsPath(desk.passage.id), { as: desk.editor, params: { passageId: desk.passage.id }, formData, headers: { "if-match": '"1"' } });
    expect(response.status).toBe(201);
    const answer = response.body as CreateRevisionAnswer;
    expect(answer.revision.note).toBe("From the web page");
    expect(answer.passage.text).toContain("Unemployment fell to 5.3 percent in October.");
    expect(answer.passage.text).not.toContain("<p>");
    expect(answer.reanchor.moved + answer.reanchor.exact).toBe(1);
  });

  it("moves passage evidence spans and suggestion dismissals with their words, and drops them where the words changed", async () => {
    const desk = await deskWithPassage();
    const taxesAt = OLD.indexOf("Taxes rose by 3 percent.");
    const figureAt = OLD.indexOf("Unemployment");
    const span = (start: number, end: number) =>
      db.evidence.create({ data: { workspaceId: desk.workspaceId, kind: "passage", passageId: desk.passage.id, start, end, quote: OLD.slice(start, end), createdById: desk.owner.id }, select: { id: true } });
    const kept = await span(taxesAt, taxesAt + 24);
    const edited = await span(figureAt, figureAt + 44);
    await db.suggestionDismissal.createMany({
      data: [
        { passageId: desk.passage.id, start: taxesAt, end: taxesAt + 24 },
        { passageId: desk.passage.id, start: figureAt, end: figureAt + 44 },
      ],
    });
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(201);
    const newTaxesAt = NEW.indexOf("Taxes rose by 3 percent.");
    expect(await db.evidence.findUnique({ where: { id: kept.id }, select: { start: true, end: true, quote: true } })).toEqual({ start: newTaxesAt, end: newTaxesAt + 24, quote: "Taxes rose by 3 percent." });
    expect(await db.evidence.findUnique({ where: { id: edited.id }, select: { start: true, end: true, quote: true } })).toEqual({ start: null, end: null, quote: "Unemployment fell to 5.1 percent in October." });
    expect(await db.suggestionDismissal.findMany({ where: { passageId: desk.passage.id }, select: { start: true, end: true } })).toEqual([{ start: newTaxesAt, end: newTaxesAt + 24 }]);
  });

  it("replays an import retried after the passage was revised with the text as imported", async () => {
    const desk = await createDesk();
    const importIt = () =>
      callRoute(importPassageRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/passages`, {
        as: desk.editor,
        params: { workspaceId: desk.workspaceId },
        body: { title: "Jobs", text: OLD },
        headers: { "idempotency-key": "import-then-revise" },
      });
    const imported = (await importIt()).body as Passage;
    expect(imported.revision).toBe(1);
    expect((await revise(desk.editor, imported.id, { text: NEW })).status).toBe(201);
    expect((await importIt()).body).toMatchObject({ id: imported.id, text: OLD, revision: 1 });
  });

  it("refuses a claim written on a revision read before another was saved", async () => {
    const desk = await deskWithPassage();
    expect((await revise(desk.editor, desk.passage.id, { text: NEW })).status).toBe(201);
    await expect(db.$transaction((tx) => lockPassageRevision(tx, desk.passage.id, 1))).rejects.toMatchObject({ code: "conflict" });
    await expect(db.$transaction((tx) => lockPassageRevision(tx, desk.passage.id, 2))).resolves.toBeUndefined();
  });

  it("reads revision 1 of a passage never revised, and lists it alone", async () => {
    const desk = await deskWithPassage();
    const list = await callRoute(listRevisionsRoute, "GET", revisionsPath(desk.passage.id), { as: desk.viewer, params: { passageId: desk.passage.id } });
    const passage = await db.passage.findUniqueOrThrow({ where: { id: desk.passage.id }, select: { createdAt: true, textHash: true } });
    expect((list.body as PassageRevisionList).items).toEqual([
      { number: 1, createdAt: passage.createdAt.toISOString(), createdBy: { id: desk.owner.id, name: desk.owner.name }, note: null, textHash: passage.textHash, textLength: OLD.length },
    ]);
    expect(((await getRevision(desk.viewer, desk.passage.id, "1")).body as PassageRevisionWithText).text).toBe(OLD);
    expect((await getRevision(desk.viewer, desk.passage.id, "2")).status).toBe(404);
  });
});
