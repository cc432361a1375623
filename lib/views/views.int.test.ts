import { describe, expect, it } from "vitest";
import { GET as listClaimsRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/route";
import { DELETE as deleteViewRoute, PATCH as patchViewRoute } from "@/app/api/v1/workspaces/[workspaceId]/views/[viewId]/route";
import { GET as listViewsRoute, POST as createViewRoute } from "@/app/api/v1/workspaces/[workspaceId]/views/route";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { addMemberRecord, createClaimRecord, createPassageRecord, createUserRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import type { SavedView, SavedViewList } from "@/lib/views/view.schemas";
import { createDesk, db, recordQueries, type TestUser } from "@/scripts/test/desk";
import { readEveryPage } from "@/scripts/test/read-every-page";
import { callRoute } from "@/scripts/test/route-client";

type Desk = Awaited<ReturnType<typeof createDesk>>;

const TEXT = "Alpha rose by 3 percent. Bravo fell in May. Charlie said nothing. Delta doubled twice. Echo is an opinion.";

const viewsPath = (desk: Desk) => `/api/v1/workspaces/${desk.workspaceId}/views`;
const createView = (desk: Desk, as: TestUser, body: unknown) =>
  callRoute(createViewRoute, "POST", viewsPath(desk), { as, params: { workspaceId: desk.workspaceId }, body });
const listViews = async (desk: Desk, as: TestUser) => {
  const response = await callRoute(listViewsRoute, "GET", viewsPath(desk), { as, params: { workspaceId: desk.workspaceId } });
  expect(response.status).toBe(200);
  return (response.body as SavedViewList).items;
};
const patchView = (desk: Desk, as: TestUser, viewId: string, body: unknown) =>
  callRoute(patchViewRoute, "PATCH", `${viewsPath(desk)}/${viewId}`, { as, params: { workspaceId: desk.workspaceId, viewId }, body });
const deleteView = (desk: Desk, as: TestUser, viewId: string) =>
  callRoute(deleteViewRoute, "DELETE", `${viewsPath(desk)}/${viewId}`, { as, params: { workspaceId: desk.workspaceId, viewId } });

async function deskWithClaims() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT, title: "Zulu report" });
  const other = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT, title: "alpha notes" });
  const claims = [
    await createClaimRecord(db, { passage, exact: "Alpha rose by 3 percent.", createdById: desk.reviewer.id, label: "factual" }),
    await createClaimRecord(db, { passage, exact: "Bravo fell in May.", createdById: desk.reviewer.id, label: "disputed", state: "in_review" }),
    await createClaimRecord(db, { passage, exact: "Charlie said nothing.", createdById: desk.reviewer.id }),
    await createClaimRecord(db, { passage: other, exact: "Delta doubled twice.", createdById: desk.reviewer.id, label: "factual", state: "verified", verdict: "false" }),
    await createClaimRecord(db, { passage: other, exact: "Echo is an opinion.", createdById: desk.reviewer.id, label: "opinion" }),
  ];
  return { ...desk, passage, other, claims };
}

describe("saved views", () => {
  it("keeps personal views to their owner and shows shared ones to every member, each with its live count", async () => {
    const desk = await deskWithClaims();
    const mine = await createView(desk, desk.viewer, { name: "Factual", filter: { label: "factual" } });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ name: "Factual", visibility: "personal", claimCount: 2, notApplied: [], canEdit: true, owner: { id: desk.viewer.id } });
    const shared = await createView(desk, desk.editor, { name: "In review", visibility: "shared", filter: { state: "in_review", sort: "statement", order: "desc" } });
    expect(shared.status).toBe(201);

    expect((await listViews(desk, desk.viewer)).map((view) => [view.name, view.claimCount, view.canEdit])).toEqual([
      ["Factual", 2, true],
      ["In review", 1, false],
    ]);
    expect((await listViews(desk, desk.reviewer)).map((view) => view.name)).toEqual(["In review"]);
    const ownerSees = await listViews(desk, desk.owner);
    expect(ownerSees.map((view) => [view.name, view.canEdit, view.filter])).toEqual([["In review", true, { state: "in_review", sort: "statement", order: "desc" }]]);

    // A stranger learns nothing; someone else's personal view is not found, even to an owner.
    expect((await callRoute(listViewsRoute, "GET", viewsPath(desk), { as: desk.stranger, params: { workspaceId: desk.workspaceId } })).status).toBe(404);
    const personalId = (mine.body as SavedView).id;
    expect((await patchView(desk, desk.owner, personalId, { name: "Mine now" })).status).toBe(404);
    expect((await deleteView(desk, desk.owner, personalId)).status).toBe(404);
  });

  it("counts match the claims list for each filter, all views counted in one query", async () => {
    const desk = await deskWithClaims();
    await db.claim.update({ where: { id: desk.claims[0]!.id }, data: { assigneeId: desk.reviewer.id } });
    const filters = [
      {},
      { label: "none" },
      { label: "factual", passageId: desk.other.id },
      { q: "ALPHA" },
      { q: "50%_" },
      { assigneeId: desk.reviewer.id, state: "draft" },
    ];
    for (const [index, filter] of filters.entries()) {
      expect((await createView(desk, desk.owner, { name: `View ${index}`, visibility: "shared", filter })).status).toBe(201);
    }
    const { result: views, queries } = await recordQueries(() => listViews(desk, desk.viewer));
    expect(queries.filter((sql) => sql.includes('FROM "Claim" AS c'))).toHaveLength(1);
    for (const view of views) {
      const search = new URLSearchParams(Object.entries(view.filter).map(([key, value]) => [key, String(value)])).toString();
      const listed = await readEveryPage<ClaimSummary>(
        (page) => callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?${search}&${page}`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } }),
        50,
      );
      expect(view.claimCount, view.name).toBe(listed.length);
    }
    expect(views.map((view) => view.claimCount)).toEqual([5, 1, 1, 1, 0, 1]);
  });

  it("lets any member keep personal views, editors and owners share; the owner or an editor changes a shared view", async () => {
    const desk = await deskWithClaims();
    const refused = await createView(desk, desk.reviewer, { name: "Ours", visibility: "shared", filter: {} });
    expect(refused.status).toBe(403);
    const reviewerView = (await createView(desk, desk.reviewer, { name: "Mine", filter: {} })).body as SavedView;
    expect((await patchView(desk, desk.reviewer, reviewerView.id, { visibility: "shared" })).status).toBe(403);

    const shared = (await createView(desk, desk.editor, { name: "Desk list", visibility: "shared", filter: {} })).body as SavedView;
    expect((await patchView(desk, desk.reviewer, shared.id, { name: "Renamed" })).status).toBe(403);
    expect((await deleteView(desk, desk.viewer, shared.id)).status).toBe(403);
    const renamed = await patchView(desk, desk.owner, shared.id, { name: "Renamed", filter: { label: "opinion" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Renamed", claimCount: 1, owner: { id: desk.editor.id } });
    // Only its owner takes a shared view back to personal.
    expect((await patchView(desk, desk.owner, shared.id, { visibility: "personal" })).status).toBe(403);
    expect((await patchView(desk, desk.editor, shared.id, { visibility: "personal" })).status).toBe(200);
    expect((await listViews(desk, desk.owner)).map((view) => view.name)).toEqual([]);
    expect((await deleteView(desk, desk.editor, shared.id)).status).toBe(204);
    expect(await listViews(desk, desk.editor)).toEqual([]);
  });

  it("opens a view whose passage was deleted or whose assignee left, saying what no longer applies", async () => {
    const desk = await deskWithClaims();
    const leaving = await createUserRecord(db);
    await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: leaving.id, role: "reviewer" });
    const created = await createView(desk, desk.editor, {
      name: "Zulu, Leaving's",
      visibility: "shared",
      filter: { passageId: desk.passage.id, assigneeId: leaving.id, label: "factual" },
    });
    expect(created.body).toMatchObject({ claimCount: 0, notApplied: [] });
    await db.passage.update({ where: { id: desk.passage.id }, data: { deletedAt: new Date(), deletedById: desk.owner.id } });
    await db.membership.delete({ where: { workspaceId_userId: { workspaceId: desk.workspaceId, userId: leaving.id } } });

    const [view] = await listViews(desk, desk.viewer);
    expect(view?.filter).toEqual({ label: "factual", sort: "created_desc" });
    expect(view?.notApplied.map((problem) => problem.field)).toEqual(["passageId", "assigneeId"]);
    expect(view?.notApplied[0]?.message).toMatch(/deleted/);
    expect(view?.claimCount).toBe(1);
  });

  it("reads a stored filter again on the way out, leaving out what it no longer understands", async () => {
    const desk = await deskWithClaims();
    await db.savedView.create({
      data: { workspaceId: desk.workspaceId, ownerId: desk.owner.id, name: "Old", visibility: "shared", filter: { label: "sarcasm", state: "verified" } },
    });
    const [view] = await listViews(desk, desk.viewer);
    expect(view).toMatchObject({ filter: { state: "verified" }, claimCount: 1, notApplied: [{ field: "filter" }] });
    expect(view?.notApplied[0]?.message).toContain("label");
  });

  it("refuses a filter the claims list would refuse, and more than the allowed number of views", async () => {
    const desk = await deskWithClaims();
    expect((await createView(desk, desk.viewer, { name: "Bad", filter: { label: "sarcasm" } })).status).toBe(400);
    expect((await createView(desk, desk.viewer, { name: "Paged", filter: { cursor: "abc" } })).status).toBe(400);
    expect((await createView(desk, desk.viewer, { name: "  ", filter: {} })).status).toBe(400);
    await db.savedView.createMany({
      data: Array.from({ length: 50 }, (_, index) => ({ workspaceId: desk.workspaceId, ownerId: desk.viewer.id, name: `v${index}`, filter: {} })),
    });
    const full = await createView(desk, desk.viewer, { name: "One too many", filter: {} });
    expect(full.status).toBe(409);
  });
});

describe("sorting the claims list", () => {
  const sortedIds = async (desk: Desk, as: TestUser, search: string, limit = 2) =>
    (
      await readEveryPage<ClaimSummary>(
        (page) => callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?${search}&${page}`, { as, params: { workspaceId: desk.workspaceId } }),
        limit,
      )
    ).map((claim) => claim.statement);

  it("pages through every sort in both directions without losing or repeating a claim", async () => {
    const desk = await deskWithClaims();
    const [alpha, bravo, , delta] = desk.claims;
    for (const [index, claim] of [alpha, alpha, delta].entries()) {
      await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: claim!.id, createdById: desk.owner.id, url: `https://example.org/${index}`, title: "Source", stance: "supports" });
    }
    const unlinked = await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: bravo!.id, createdById: desk.owner.id, url: "https://example.org/gone", title: "Gone", stance: "refutes" });
    await db.claimEvidence.update({ where: { id: unlinked.id }, data: { deletedAt: new Date() } });

    const all = await sortedIds(desk, desk.viewer, "", 50);
    const byColumn = {
      statement: ["Alpha rose by 3 percent.", "Bravo fell in May.", "Charlie said nothing.", "Delta doubled twice.", "Echo is an opinion."],
      // factual, opinion, disputed, then unlabelled; ties by id (creation order here)
      label: ["Alpha rose by 3 percent.", "Delta doubled twice.", "Echo is an opinion.", "Bravo fell in May.", "Charlie said nothing."],
      state: ["Alpha rose by 3 percent.", "Charlie said nothing.", "Echo is an opinion.", "Bravo fell in May.", "Delta doubled twice."],
      passage: ["Delta doubled twice.", "Echo is an opinion.", "Alpha rose by 3 percent.", "Bravo fell in May.", "Charlie said nothing."],
      evidence_count: ["Bravo fell in May.", "Charlie said nothing.", "Echo is an opinion.", "Delta doubled twice.", "Alpha rose by 3 percent."],
    };
    for (const [column, expected] of Object.entries(byColumn)) {
      // Ties break by id, and cuids of one process grow, so ascending ties keep creation order.
      expect(await sortedIds(desk, desk.viewer, `sort=${column}&order=asc`), column).toEqual(expected);
      expect(await sortedIds(desk, desk.viewer, `sort=${column}&order=desc`), column).toEqual([...expected].reverse());
    }
    expect(await sortedIds(desk, desk.viewer, "sort=evidence_count")).toEqual([...byColumn.evidence_count].reverse());
    expect((await sortedIds(desk, desk.viewer, "sort=updated")).sort()).toEqual([...all].sort());
    expect(await sortedIds(desk, desk.viewer, "sort=created&order=asc")).toEqual(await sortedIds(desk, desk.viewer, "sort=created_asc"));
  });

  it("keeps the passage sort key when a passage is renamed, and refuses a cursor of another sort", async () => {
    const desk = await deskWithClaims();
    await db.passage.update({ where: { id: desk.other.id }, data: { title: "Zz last" } });
    expect((await sortedIds(desk, desk.viewer, "sort=passage&order=asc", 50)).slice(3)).toEqual(["Delta doubled twice.", "Echo is an opinion."]);
    const first = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?sort=statement&limit=1`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const mixed = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?sort=updated&cursor=${cursor}`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
    expect(mixed.status).toBe(400);
    // Sorts whose keys have the same kind (two times, two texts, two ranks) or differ only in direction refuse each other's cursors too.
    const pairs = [["updated", "created_asc"], ["created_desc", "created_asc"], ["statement", "passage"], ["label", "state"], ["statement&order=asc", "statement&order=desc"]];
    for (const [from, to] of pairs) {
      const page = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?sort=${from}&limit=1`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
      const next = (page.body as { nextCursor: string }).nextCursor;
      const other = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${desk.workspaceId}/claims?sort=${to}&cursor=${next}`, { as: desk.viewer, params: { workspaceId: desk.workspaceId } });
      expect(other.status, `${from} → ${to}`).toBe(400);
      expect(other.body).toMatchObject({ error: { details: [{ path: ["query", "cursor"], message: expect.stringContaining("another sort") }] } });
    }
  });
});
