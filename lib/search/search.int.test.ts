import { describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
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

  it("answers a query of excluded words only, over evidence that has no quote, with the evidence's title as its snippet", async () => {
    const { viewer, owner, workspaceId, statementClaim } = await deskWithTariffs();
    await linkWebEvidenceRecord(db, { workspaceId, claimId: statementClaim.id, createdById: owner.id, url: "https://stats.example.org/duties", title: "Duty tables", stance: "supports" });
    const response = await search(viewer, workspaceId, { q: "-exporters", kind: "evidence" });
    expect(response.status).toBe(200);
    expect(hitsOf(response)).toEqual([expect.objectContaining({ kind: "evidence", claimId: statementClaim.id, title: "Duty tables", snippet: "Duty tables" })]);
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

  it("finds a misspelled name by the words spelled like it, below what the words as typed find", async () => {
    const { viewer, owner, workspaceId, article } = await deskWithTariffs();
    const claim = await createClaimRecord(db, {
      passage: article,
      exact: "Exporters complained loudly.",
      statement: "Musharraf resigned as president in 2008",
      createdById: owner.id,
    });
    const [hit, ...rest] = hitsOf(await search(viewer, workspaceId, { q: "Musharaf" }));
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: "claim", id: claim.id, matchedBy: "similar", snippet: "Musharraf resigned as president in 2008" });
    expect(hit && highlighted(hit)).toEqual(["musharraf"]);
    expect(hit?.rank).toBeLessThan(0);

    // A passage that has the misspelling itself is a text match, and ranks above the corrected one.
    const typo = await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "Notes", text: "General Musharaf spoke." });
    expect(hitsOf(await search(viewer, workspaceId, { q: "musharaf" })).map((found) => [found.id, found.matchedBy])).toEqual([
      [typo.id, "text"],
      [claim.id, "similar"],
    ]);
    // Two words, one misspelled, one excluded: the correction keeps the rest of the query.
    expect(hitsOf(await search(viewer, workspaceId, { q: "Musharaf resigned" })).map((found) => found.id)).toEqual([claim.id]);
    expect(hitsOf(await search(viewer, workspaceId, { q: "Musharaf -president", kind: "claim" }))).toEqual([]);
  });

  it("learns the words of an edited statement, so a misspelling of a new word finds the claim", async () => {
    const { viewer, owner, workspaceId, article } = await deskWithTariffs();
    const claim = await createClaimRecord(db, { passage: article, exact: "Exporters complained loudly.", statement: "Exporters complained", createdById: owner.id });
    const patch = (version: number, body: Record<string, unknown>) =>
      callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, { as: owner, params: { claimId: claim.id }, body, headers: { "if-match": `"${version}"` } });
    expect(hitsOf(await search(viewer, workspaceId, { q: "Bhuttoo" }))).toEqual([]);

    expect((await patch(claim.version, { label: "opinion" })).status).toBe(200);
    expect((await patch(claim.version + 1, { statement: "Exporters blamed Bhutto for the complaints" })).status).toBe(200);
    expect(hitsOf(await search(viewer, workspaceId, { q: "Bhuttoo" })).map((hit) => [hit.id, hit.matchedBy])).toEqual([[claim.id, "similar"]]);
  });

  it("keeps to the text matches when the words as typed find enough, even with similar words about", async () => {
    const { viewer, owner, workspaceId, article, statementClaim, quoteClaim, textPassage, quotePassage } = await deskWithTariffs();
    await createClaimRecord(db, { passage: article, exact: "Wages rose by 3 percent.", statement: "Tarifs on wages rose", createdById: owner.id });
    const hits = hitsOf(await search(viewer, workspaceId, { q: "tariffs" }));
    expect(hits.map((hit) => [hit.id, hit.matchedBy])).toEqual([
      [statementClaim.id, "text"],
      [quoteClaim.id, "text"],
      [textPassage.id, "text"],
      [quotePassage.id, "text"],
    ]);
    // Words whose only look-alikes are their own variants ("import") are not widened, even when the phrase finds little.
    expect(hitsOf(await search(viewer, workspaceId, { q: '"imports doubled"' })).map((hit) => hit.id)).toEqual([statementClaim.id]);
  });

  it("finds claims and evidence by the domain of their evidence links, and passages by their source URL", async () => {
    const { viewer, owner, workspaceId, statementClaim, quoteClaim, article } = await deskWithTariffs();
    const charterUrl = "https://www.un.org/en/about-us/un-charter";
    await linkWebEvidenceRecord(db, { workspaceId, claimId: statementClaim.id, createdById: owner.id, url: charterUrl, title: "UN Charter", stance: "context" });
    const charter = await db.evidence.findUniqueOrThrow({ where: { workspaceId_url: { workspaceId, url: charterUrl } }, select: { id: true } });
    // Look-alikes that are not on un.org.
    for (const url of ["https://fun.org/un.org", "https://un.org.example.com/"]) {
      await linkWebEvidenceRecord(db, { workspaceId, claimId: quoteClaim.id, createdById: owner.id, url, title: "Look-alike", stance: "context" });
    }
    const news = await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "Press release", text: "Nothing to do with tariffs.", sourceUrl: "https://news.un.org/en/story/2025/01/1" });
    await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "Other source", text: "Unrelated.", sourceUrl: "https://example.com/un.org" });

    const hits = hitsOf(await search(viewer, workspaceId, { q: "un.org" }));
    // Claims and passages rank with statement and title matches, the evidence records with evidence titles.
    expect(new Set(hits.slice(0, 2).map((hit) => `${hit.kind} ${hit.id} ${hit.matchedBy}`))).toEqual(new Set([`claim ${statementClaim.id} url`, `passage ${news.id} url`]));
    expect(hits.slice(2).map((hit) => [hit.kind, hit.id, hit.matchedBy])).toEqual([["evidence", charter.id, "url"]]);
    expect(hits.find((hit) => hit.kind === "claim")).toMatchObject({ passageId: article.id, claimId: statementClaim.id, snippet: "Tariffs on imports doubled last year" });
    const passageHit = hits.find((hit) => hit.kind === "passage");
    expect(passageHit?.snippet).toBe("https://news.un.org/en/story/2025/01/1");
    expect(passageHit && highlighted(passageHit)).toEqual(["un.org"]);
    expect(hits.find((hit) => hit.kind === "evidence")).toMatchObject({ claimId: statementClaim.id, title: "UN Charter" });

    // A typed path narrows to URLs under it; the scheme and "www." may be typed or not.
    expect(hitsOf(await search(viewer, workspaceId, { q: "https://www.un.org/en/about-us", kind: "claim" })).map((hit) => hit.id)).toEqual([statementClaim.id]);
    expect(hitsOf(await search(viewer, workspaceId, { q: "un.org/fr", kind: "claim" }))).toEqual([]);
    expect(hitsOf(await search(viewer, workspaceId, { q: "un.org", kind: "comment" }))).toEqual([]);
  });
});
