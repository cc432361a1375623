import { describe, expect, it } from "vitest";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import { PassageSummarySchema } from "@/lib/passages/passage.schemas";
import { createDesk, db, listPassages, recordQueries, type Page } from "@/lib/passages/passages.int-helpers";

describe("GET /api/v1/workspaces/{workspaceId}/passages", () => {
  it("lists live passages newest first without text, with claim counts, a title/publisher/author filter and cursors", async () => {
    const { owner, viewer, stranger, workspaceId } = await createDesk();
    const make = (title: string, extra: { publisher?: string; author?: string } = {}) =>
      createPassageRecord(db, { workspaceId, createdById: owner.id, title, text: `${title}: the port handled 4.2 million containers.`, ...extra });
    const oldest = await make("Port report", { publisher: "Harbour GAZETTE" });
    const middle = await make("Budget");
    const newest = await make("Election", { author: "Ana Gazetteer" });
    const deleted = await make("Deleted one");
    await db.passage.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    // Two passages at the same instant: the id breaks the tie, so no page skips or repeats one.
    const at = new Date("2024-01-01T00:00:00Z");
    await db.passage.updateMany({ where: { id: { in: [middle.id, newest.id] } }, data: { createdAt: at } });
    await db.passage.update({ where: { id: oldest.id }, data: { createdAt: new Date("2023-01-01T00:00:00Z") } });
    await createClaimRecord(db, { passage: oldest, exact: "4.2 million", createdById: owner.id });
    const removedClaim = await createClaimRecord(db, { passage: oldest, exact: "containers", createdById: owner.id });
    await db.claim.update({ where: { id: removedClaim.id }, data: { deletedAt: new Date() } });

    const all = (await listPassages(viewer, workspaceId)).body as Page;
    const tied = [middle.id, newest.id].sort().reverse();
    expect(all.items.map((item) => item.id)).toEqual([...tied, oldest.id]);
    expect(all.items.map((item) => PassageSummarySchema.strict().parse(item).claimCount)).toEqual([0, 0, 1]);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = (await listPassages(viewer, workspaceId, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`)).body as Page;
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((item) => item.id));

    const gazette = (await listPassages(viewer, workspaceId, "?q=gazette")).body as Page;
    expect(gazette.items.map((item) => item.title).sort()).toEqual(["Election", "Port report"]);
    expect(((await listPassages(viewer, workspaceId, "?q=%25")).body as Page).items).toEqual([]);
    expect(((await listPassages(viewer, workspaceId, "?q=_")).body as Page).items).toEqual([]);
    expect((await listPassages(viewer, workspaceId, "?cursor=nonsense")).status).toBe(400);
    expect((await listPassages(stranger, workspaceId)).status).toBe(404);
    expect((await listPassages(undefined, workspaceId)).status).toBe(401);
  });

  it("finds the passages imported from exactly one address, for the import form's offer of a new revision", async () => {
    const { owner, viewer, workspaceId } = await createDesk();
    const other = await createDesk();
    const make = (desk: { workspaceId: string }, title: string, sourceUrl?: string) =>
      createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: owner.id, title, text: `${title}: the port handled 4.2 million containers.`, sourceUrl });
    const harbour = await make({ workspaceId }, "Harbour", "https://news.example/harbour");
    await make({ workspaceId }, "Harbour follow-up", "https://news.example/harbour-2");
    await make({ workspaceId }, "No address");
    await make(other, "Elsewhere", "https://news.example/harbour");
    const found = (await listPassages(viewer, workspaceId, `?sourceUrl=${encodeURIComponent("https://news.example/harbour")}`)).body as Page;
    expect(found.items.map((item) => PassageSummarySchema.parse(item)).map((item) => [item.id, item.revision])).toEqual([[harbour.id, 1]]);
    expect(((await listPassages(viewer, workspaceId, "?sourceUrl=https%3A%2F%2Fnews.example%2F")).body as Page).items).toEqual([]);
  });

  it("runs the same number of SQL queries for 3 passages as for 40", async () => {
    const small = await createDesk();
    const large = await createDesk();
    for (const [desk, count] of [[small, 3], [large, 40]] as const) {
      for (let index = 0; index < count; index++) {
        const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `Claim ${index} here.` });
        await createClaimRecord(db, { passage, exact: `Claim ${index}`, createdById: desk.owner.id });
      }
    }
    const small3 = await recordQueries(() => listPassages(small.owner, small.workspaceId));
    const large40 = await recordQueries(() => listPassages(large.owner, large.workspaceId));
    expect((small3.result.body as Page).items).toHaveLength(3);
    expect((large40.result.body as Page).items).toHaveLength(40);
    expect((large40.result.body as Page).items.every((item) => item.claimCount === 1)).toBe(true);
    expect(large40.queries).toHaveLength(small3.queries.length);
    expect(small3.queries.length).toBeLessThanOrEqual(4);
    expect(large40.queries.join("\n")).not.toMatch(/"text"/);
  });
});
