import { describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/workspaces/[workspaceId]/search/route";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import type { SearchHit, SearchResult } from "@/lib/search/search.schemas";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const search = (as: TestUser, workspaceId: string, params: Record<string, string>) =>
  callRoute(searchRoute, "GET", `/api/v1/workspaces/${workspaceId}/search?${new URLSearchParams(params).toString()}`, { as, params: { workspaceId } });

const hitsOf = (response: { body: unknown }) => (response.body as SearchResult).items;
const highlighted = (hit: SearchHit) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end).toLowerCase());

/** A workspace where "tariffs" is in a claim statement, in another claim's quote only, and all over a passage's text. */
async function deskWithTariffs() {
  const desk = await createDesk();
  const { workspaceId, owner } = desk;
  const article = await createPassageRecord(db, {
    workspaceId,
    createdById: owner.id,
    title: "Trade minister interview",
    text: "The minister said import duties doubled last year. Exporters complained loudly. Wages rose by 3 percent.",
  });
  const statementClaim = await createClaimRecord(db, {
    passage: article,
    exact: "The minister said import duties doubled last year.",
    statement: "Tariffs on imports doubled last year",
    createdById: owner.id,
  });
  const quoteText = "Exporters blamed the tariffs for lost orders.";
  const quotePassage = await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "Exporters", text: `${quoteText} Nothing else.` });
  const quoteClaim = await createClaimRecord(db, { passage: quotePassage, exact: quoteText, statement: "Exporters lost orders", createdById: owner.id });
  const textPassage = await createPassageRecord(db, {
    workspaceId,
    createdById: owner.id,
    title: "Market report",
    text: Array.from({ length: 40 }, (_, i) => `Tariffs and more tariffs, paragraph ${i}: tariffs everywhere.`).join("\n\n"),
  });
  return { ...desk, article, statementClaim, quotePassage, quoteClaim, textPassage };
}

describe("workspace search", () => {
  it("ranks a statement match above a quote match above passage text, however often the text repeats the word", async () => {
    const { viewer, workspaceId, statementClaim, quoteClaim, textPassage, quotePassage } = await deskWithTariffs();
    const response = await search(viewer, workspaceId, { q: "tariffs" });
    expect(response.status).toBe(200);
    const hits = hitsOf(response);
    expect(hits.map((hit) => [hit.kind, hit.id])).toEqual([
      ["claim", statementClaim.id],
      ["claim", quoteClaim.id],
      ["passage", textPassage.id],
      ["passage", quotePassage.id],
    ]);
    expect(hits[0]).toMatchObject({ claimId: statementClaim.id, title: "Trade minister interview", snippet: "Tariffs on imports doubled last year" });
    expect(hits[2]).toMatchObject({ claimId: null, passageId: textPassage.id, title: "Market report" });
    const ranks = hits.map((hit) => hit.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("ranks a passage title match with statements, and fills the rest of a page with text-only passages only where other hits leave room", async () => {
    const desk = await deskWithTariffs();
    const { viewer, workspaceId, owner, statementClaim, quoteClaim, textPassage } = desk;
    const titlePassage = await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "Tariffs explained", text: "Import duties in brief." });
    const page = async (limit: number) => hitsOf(await search(viewer, workspaceId, { q: "tariffs", limit: String(limit) })).map((hit) => hit.id);

    expect(new Set(await page(2))).toEqual(new Set([statementClaim.id, titlePassage.id]));
    expect((await page(3))[2]).toBe(quoteClaim.id);
    expect((await page(4))[3]).toBe(textPassage.id);
    expect(hitsOf(await search(viewer, workspaceId, { q: "tariffs", kind: "passage" })).map((hit) => hit.id)).toEqual([
      titlePassage.id,
      textPassage.id,
      desk.quotePassage.id,
    ]);
  });

  it("returns plain-text snippets whose highlight ranges cover the matching words, stemmed", async () => {
    const { viewer, workspaceId } = await deskWithTariffs();
    const hits = hitsOf(await search(viewer, workspaceId, { q: "tariff" }));
    expect(hits).toHaveLength(4);
    for (const hit of hits) {
      expect(hit.highlights.length).toBeGreaterThan(0);
      expect(new Set(highlighted(hit))).toEqual(new Set(["tariffs"]));
      expect(hit.snippet).not.toMatch(/[\u0002\u0003\n]|<\/?b>/);
    }
    // A quote-only match is excerpted from the quote, where the word is.
    expect(hits[1]?.snippet).toBe("Exporters blamed the tariffs for lost orders.");
  });

  it("filters by kind, and finds evidence and comments with the claim they open", async () => {
    const { viewer, owner, workspaceId, statementClaim, textPassage, quotePassage } = await deskWithTariffs();
    await linkWebEvidenceRecord(db, {
      workspaceId,
      claimId: statementClaim.id,
      createdById: owner.id,
      url: "https://stats.example.org/duties",
      title: "Customs duty statistics 2025",
      stance: "supports",
    });
    const comment = await db.comment.create({
      data: { workspaceId, claimId: statementClaim.id, authorId: owner.id, body: "Check the customs office figures before verifying." },
      select: { id: true },
    });
    const all = hitsOf(await search(viewer, workspaceId, { q: "customs" }));
    expect(all.map((hit) => hit.kind).sort()).toEqual(["comment", "evidence"]);
    expect(all.find((hit) => hit.kind === "comment")).toMatchObject({
      id: comment.id,
      claimId: statementClaim.id,
      title: "Tariffs on imports doubled last year",
      snippet: "Check the customs office figures before verifying.",
    });
    expect(all.find((hit) => hit.kind === "evidence")).toMatchObject({ claimId: statementClaim.id, title: "Customs duty statistics 2025" });

    const passagesOnly = hitsOf(await search(viewer, workspaceId, { q: "tariffs", kind: "passage" }));
    expect(passagesOnly.map((hit) => hit.id)).toEqual([textPassage.id, quotePassage.id]);
    expect(hitsOf(await search(viewer, workspaceId, { q: "tariffs", kind: "comment" }))).toEqual([]);
  });

  it("supports web-search syntax: phrases and excluded words", async () => {
    const { viewer, workspaceId, statementClaim } = await deskWithTariffs();
    const phrase = hitsOf(await search(viewer, workspaceId, { q: '"imports doubled"' }));
    expect(phrase.map((hit) => hit.id)).toEqual([statementClaim.id]);
    const excluded = hitsOf(await search(viewer, workspaceId, { q: "tariffs -exporters", kind: "claim" }));
    expect(excluded.map((hit) => hit.id)).toEqual([statementClaim.id]);
    expect(hitsOf(await search(viewer, workspaceId, { q: "the and of" }))).toEqual([]);
  });

  it("passes markup through as text, never as HTML", async () => {
    const { viewer, owner, workspaceId } = await deskWithTariffs();
    const text = `Budget <img src=x onerror=alert(1)> <b>surplus</b> grew & shrank \u0002again\u0003.`;
    await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "<script>alert('title')</script>", text });
    const [hit] = hitsOf(await search(viewer, workspaceId, { q: "surplus" }));
    expect(hit?.title).toBe("<script>alert('title')</script>");
    // Text that looks like markup comes back as the same characters, except well-formed tags, which
    // the full-text parser skips; our highlights are ranges, never tags.
    expect(hit?.snippet).toBe("Budget <img src=x onerror=alert(1)> surplus grew & shrank again.");
    expect(hit && highlighted(hit)).toEqual(["surplus"]);
    expect(hit?.snippet).not.toMatch(/[\u0002\u0003]/);
  });

  it("leaves out deleted claims and passages and other workspaces, and answers 404 to strangers and 400 to empty queries", async () => {
    const { viewer, stranger, owner, workspaceId, statementClaim, textPassage, quoteClaim, quotePassage } = await deskWithTariffs();
    const other = await deskWithTariffs();
    await db.claim.update({ where: { id: statementClaim.id }, data: { deletedAt: new Date(), deletedById: owner.id } });
    await db.passage.update({ where: { id: textPassage.id }, data: { deletedAt: new Date(), deletedById: owner.id } });
    const hits = hitsOf(await search(viewer, workspaceId, { q: "tariffs" }));
    expect(hits.map((hit) => [hit.kind, hit.id])).toEqual([
      ["claim", quoteClaim.id],
      ["passage", quotePassage.id],
    ]);
    expect(hits.every((hit) => hit.id !== other.statementClaim.id && hit.passageId !== other.textPassage.id)).toBe(true);
    expect((await search(stranger, workspaceId, { q: "tariffs" })).status).toBe(404);
    const empty = await search(viewer, workspaceId, { q: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("Type a word") } });
    expect((await search(viewer, workspaceId, { q: "x", kind: "tweet" })).status).toBe(400);
  });
});
