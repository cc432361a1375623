import { describe, expect, it } from "vitest";
import { GET as getClaimRoute, PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as passageClaimsRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import type { Actor } from "@/lib/auth/actor";
import type { ListPassageClaimsQuery } from "@/lib/claims/claim.schemas";
import { getClaim } from "@/lib/claims/server/get-claim";
import { listPassageClaims } from "@/lib/claims/server/list-passage-claims";
import { readClaimJson } from "@/lib/claims/server/read-claim-json";
import { readPassageClaimsJson } from "@/lib/claims/server/read-passage-claims-json";
import { createApiTokenRecord, createClaimRecord, createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, recordQueries, type TestUser } from "@/scripts/test/desk";

const SENTENCES = [
  "Unemployment fell to 5.1 percent in October.",
  "Critics say the real figure is 7 percent.",
  "Der Hafen meldete 4,2 Millionen Container — ein Rekord.",
  "« Le chômage a baissé », a-t-il dit.",
  'He said "the port grew by 12%" and\tleft.',
  "Emoji 🎉 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text stay whole.",
  "Backslashes \\ and slashes / are escaped properly.",
  "Prices rose 3 percent in the last quarter.",
];

const actorOf = (user: TestUser): Actor => ({ userId: user.id, email: user.email, name: user.name, via: "session" });

/**
 * A blind workspace with claims of every shape: decided and undecided labels, no label, an
 * assignee, a verdict note, verdicts, a published and a withdrawn claim, a duplicate link, web and passage evidence (one unlinked), a deleted
 * claim, and a passage whose other claims were made by a second author.
 */
async function seededDesk() {
  const desk = await createDesk();
  await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: true } });
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Harbour — “review” 2025", text: SENTENCES.join(" ") });
  const source = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "The statistics office table says 5.1 percent." });
  const ids: string[] = [];
  for (const [index, sentence] of SENTENCES.entries()) {
    const claim = await createClaimRecord(db, {
      passage,
      exact: sentence,
      createdById: index % 2 === 0 ? desk.editor.id : desk.reviewer.id,
      label: index % 4 === 3 ? undefined : (["factual", "opinion", "disputed"] as const)[index % 3],
      state: index === 1 ? "in_review" : "draft",
      verdictNote: index % 3 === 0 ? `Checked, note ${index} with "quotes" and \\ backslash` : undefined,
    });
    ids.push(claim.id);
  }
  const [first, second, third, , fifth, , seventh] = ids as [string, string, string, string, string, string, string, string];
  // Decided labels show to reviewers of a blind workspace; the others are hidden from them.
  await db.claim.update({ where: { id: first }, data: { labelDecidedById: desk.editor.id, assigneeId: desk.reviewer.id } });
  await db.claim.update({ where: { id: third }, data: { duplicateOfId: first, labelDecidedById: desk.owner.id } });
  await db.claim.update({ where: { id: seventh }, data: { deletedAt: new Date(), deletedById: desk.editor.id } });
  // Anchors after a revision: one changed (with its old words), one orphaned in an earlier revision.
  await db.passage.update({ where: { id: passage.id }, data: { revision: 3 } });
  await db.claim.update({ where: { id: third }, data: { anchorStatus: "changed", anchorConfidence: 0.72, anchorRevision: 3, previousQuote: "An “older” quote \\ with a backslash" } });
  await db.claim.update({ where: { id: fifth }, data: { anchorStatus: "orphaned", anchorConfidence: 0.5, anchorRevision: 2 } });
  // Verdicts from the default scale (named by the scale), one published claim and one withdrawn.
  await db.claim.update({ where: { id: first }, data: { verdict: "mostly-true" } });
  await db.claim.update({ where: { id: second }, data: { verdict: "unproven" } });
  await db.publication.create({ data: { claimId: first, workspaceId: desk.workspaceId, slug: `harbour-claim-${first}`, publishedById: desk.editor.id } });
  await db.publication.create({
    data: { claimId: second, workspaceId: desk.workspaceId, slug: `second-claim-${second}`, publishedById: desk.editor.id, withdrawnAt: new Date(), withdrawnById: desk.owner.id },
  });
  for (const [index, stance] of (["supports", "refutes", "context"] as const).entries()) {
    await linkWebEvidenceRecord(db, {
      workspaceId: desk.workspaceId,
      claimId: first,
      createdById: index === 1 ? desk.reviewer.id : desk.editor.id,
      url: `https://stats.example.org/table/${index}?q=a&b=ü`,
      title: index === 2 ? "Ünïcode “title”" : `Table ${index}`,
      publisher: index === 0 ? undefined : "Statistics office",
      quote: index === 1 ? "5.1 percent" : undefined,
      stance,
      note: index === 0 ? undefined : `Note ${index}`,
    });
  }
  // Captures and link checks: a failed capture of a dead link, and one still pending.
  const [failedCapture, pendingCapture] = await db.evidence.findMany({ where: { workspaceId: desk.workspaceId, kind: "web" }, orderBy: { url: "asc" } });
  await db.evidence.update({
    where: { id: failedCapture!.id },
    data: { captureStatus: "failed", captureError: "The page answered 404", captureHttpStatus: 404, linkHealth: "dead", linkCheckedAt: new Date(), linkProblem: "HTTP 404" },
  });
  await db.evidence.update({ where: { id: pendingCapture!.id }, data: { captureStatus: "pending" } });
  const onPassage = await db.evidence.create({
    data: { workspaceId: desk.workspaceId, kind: "passage", passageId: source.id, start: 33, end: 44, quote: "5.1 percent", createdById: desk.editor.id },
  });
  await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: second, evidenceId: onPassage.id, stance: "supports", createdById: desk.editor.id } });
  const unlinked = await db.claimEvidence.findFirstOrThrow({ where: { claimId: first, stance: "context" } });
  await db.claimEvidence.update({ where: { id: unlinked.id }, data: { deletedAt: new Date(), deletedById: desk.editor.id } });
  await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: fifth, evidenceId: onPassage.id, stance: "refutes", note: "Same table", createdById: desk.reviewer.id } });
  return { ...desk, passage, claimIds: ids, deletedClaimId: seventh };
}

/** Every page of the passage's claims, through the old projection and the new JSON, for one reader and page size. */
async function bothLists(actor: Actor, passageId: string, query: ListPassageClaimsQuery) {
  const olds: unknown[] = [];
  const news: unknown[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const pageQuery = { ...query, cursor };
    const old = await listPassageClaims({ actor, passageId, query: pageQuery });
    const fresh = await readPassageClaimsJson({ actor, passageId, query: pageQuery, ifNoneMatch: [] });
    if (fresh.isNotModified) throw new Error("Asked without If-None-Match, answered not modified");
    olds.push(old);
    news.push(JSON.parse(fresh.json));
    cursor = old.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return { olds, news };
}

describe("claim JSON built by PostgreSQL", () => {
  it("equals the old projection for every field of every claim, for each role of a blind workspace and for a normal one", async () => {
    const desk = await seededDesk();
    for (const isBlindReview of [true, false]) {
      await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview } });
      for (const user of [desk.owner, desk.editor, desk.reviewer, desk.viewer]) {
        const actor = actorOf(user);
        for (const query of [{ limit: 50, all: "true" as const }, { limit: 3 }, { limit: 1 }, { limit: 200 }]) {
          const { olds, news } = await bothLists(actor, desk.passage.id, query);
          expect(news).toEqual(olds);
          // Same keys in the same order, same values: the texts agree once PostgreSQL's spacing is gone.
          expect(JSON.stringify(news)).toBe(JSON.stringify(olds));
        }
        for (const claimId of desk.claimIds.filter((id) => id !== desk.deletedClaimId)) {
          const old = await getClaim({ actor, claimId });
          const fresh = await readClaimJson({ actor, claimId });
          expect(JSON.stringify(JSON.parse(fresh.json))).toBe(JSON.stringify(old));
          expect(fresh.version).toBe(old.version);
        }
      }
    }
    // The comparison saw what it was meant to: hidden labels for the reviewer, evidence of both kinds.
    await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: true } });
    const asReviewer = JSON.parse((await readClaimJson({ actor: actorOf(desk.reviewer), claimId: desk.claimIds[1] ?? "" })).json) as { label: unknown; evidence: { evidence: { kind: string } }[] };
    expect(asReviewer).toMatchObject({ label: null, evidence: [{ evidence: { kind: "passage" } }] });
    const asEditor = JSON.parse((await readClaimJson({ actor: actorOf(desk.editor), claimId: desk.claimIds[0] ?? "" })).json) as { evidence: unknown[] };
    expect(asEditor.evidence).toHaveLength(2);
  });

  it("answers as the old path did for strangers (404), deleted claims and passages (410) and unknown ids (404)", async () => {
    const desk = await seededDesk();
    const read = (as: TestUser, claimId: string) => callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as, params: { claimId } });
    const list = (as: TestUser, passageId: string) => callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passageId}/claims?all=true`, { as, params: { passageId } });
    expect((await read(desk.stranger, desk.claimIds[0] ?? "")).status).toBe(404);
    expect((await read(desk.reviewer, "no-such-claim")).status).toBe(404);
    expect(await read(desk.reviewer, desk.deletedClaimId)).toMatchObject({ status: 410, body: { error: { code: "gone", message: expect.stringContaining("This claim was deleted") } } });
    expect((await list(desk.stranger, desk.passage.id)).status).toBe(404);
    await db.passage.update({ where: { id: desk.passage.id }, data: { deletedAt: new Date() } });
    expect(await list(desk.viewer, desk.passage.id)).toMatchObject({ status: 410, body: { error: { code: "gone" } } });
    expect(await read(desk.viewer, desk.claimIds[0] ?? "")).toMatchObject({ status: 410, body: { error: { message: expect.stringContaining("passage was deleted") } } });
  });
});

describe("reads in one statement", () => {
  it("reads a passage's claims and a claim in one SQL statement after the sign-in, whatever the count", async () => {
    const desk = await seededDesk();
    const [claimId = ""] = desk.claimIds;
    const listQueries = async (passageId: string) =>
      (await recordQueries(() => callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passageId}/claims?all=true`, { as: desk.reviewer, params: { passageId } }))).queries;
    // A session: its row, then the read.
    expect(await listQueries(desk.passage.id)).toHaveLength(2);
    const big = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "word ".repeat(400) });
    await db.claim.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        workspaceId: desk.workspaceId, passageId: big.id, createdById: desk.owner.id, statement: "word", exact: "word", prefix: "", suffix: "", start: i * 5, end: i * 5 + 4,
      })),
    });
    expect(await listQueries(big.id)).toHaveLength(2);
    const single = await recordQueries(() => callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as: desk.reviewer, params: { claimId } }));
    expect(single.result.status).toBe(200);
    expect(single.queries).toHaveLength(2);

    // A bearer token: looked up once (and its last use written), then reused, so each read is one statement.
    const { secret } = await createApiTokenRecord(db, { userId: desk.reviewer.id });
    const withToken = () =>
      recordQueries(() => callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { headers: { authorization: `Bearer ${secret}` }, params: { claimId } }));
    const first = await withToken();
    expect(first.result.status).toBe(200);
    expect(first.queries).toHaveLength(3);
    const again = await withToken();
    expect(again.result.status).toBe(200);
    expect(again.queries).toHaveLength(1);
  });
});

describe("conditional reads of a passage's claims", () => {
  const list = (as: TestUser, passageId: string, headers: Record<string, string> = {}, search = "all=true") =>
    callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passageId}/claims?${search}`, { as, params: { passageId }, headers });

  it("answers 304 without a body while the ETag is current, in one statement, and 200 with a new ETag after a change", async () => {
    const desk = await seededDesk();
    const passageId = desk.passage.id;
    const first = await list(desk.editor, passageId);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const notModified = await recordQueries(() => list(desk.editor, passageId, { "if-none-match": etag }));
    expect(notModified.result).toMatchObject({ status: 304, body: undefined });
    expect(notModified.result.headers.get("etag")).toBe(etag);
    expect(notModified.queries).toHaveLength(2);
    expect((await list(desk.editor, passageId, { "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await list(desk.editor, passageId, { "if-none-match": "*" })).status).toBe(304);
    expect((await list(desk.editor, passageId, { "if-none-match": '"stale"' })).status).toBe(200);

    // The ETag is per view and per page: a reviewer of this blind workspace sees other labels.
    expect((await list(desk.reviewer, passageId, { "if-none-match": etag })).status).toBe(200);
    expect((await list(desk.editor, passageId, { "if-none-match": etag }, "limit=2")).status).toBe(200);
    // A stranger learns nothing from a guessed ETag.
    expect((await list(desk.stranger, passageId, { "if-none-match": "*" })).status).toBe(404);

    const relabelled = desk.claimIds[1] ?? "";
    const changes: [string, () => Promise<unknown>][] = [
      ["a relabel", () => callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${relabelled}`, { as: desk.editor, params: { claimId: relabelled }, body: { label: "opinion" }, headers: { "if-match": '"1"' } })],
      ["an evidence link", async () => {
        const evidence = await db.evidence.create({ data: { workspaceId: desk.workspaceId, kind: "web", url: "https://example.org/new", createdById: desk.editor.id } });
        await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: desk.claimIds[2] ?? "", evidenceId: evidence.id, stance: "supports", createdById: desk.editor.id } });
      }],
      ["a deleted claim", () => db.claim.update({ where: { id: desk.claimIds[3] }, data: { deletedAt: new Date() } })],
      ["a new claim", () => createClaimRecord(db, { passage: desk.passage, exact: SENTENCES[6] ?? "", createdById: desk.editor.id })],
      ["a renamed passage", () => db.passage.update({ where: { id: passageId }, data: { title: "Renamed" } })],
      ["a renamed author", () => db.user.update({ where: { id: desk.reviewer.id }, data: { name: "Renamed Reviewer" } })],
      ["blind review turned off", () => db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: false } })],
    ];
    const seen = new Set([etag]);
    let current = etag;
    for (const [what, change] of changes) {
      await change();
      const after = await list(desk.reviewer, passageId, { "if-none-match": current });
      expect(after.status, what).toBe(200);
      current = after.headers.get("etag") ?? "";
      expect(seen.has(current), what).toBe(false);
      seen.add(current);
      expect((await list(desk.reviewer, passageId, { "if-none-match": current })).status, what).toBe(304);
    }
  });

  it("never answers from a built list once the passage changed, and keeps each view apart", async () => {
    const desk = await seededDesk();
    const passageId = desk.passage.id;
    const [claimId = ""] = desk.claimIds.slice(3);
    type Items = { items: { id: string; label: string | null }[] };
    const labelFor = async (as: TestUser) => ((await list(as, passageId)).body as Items).items.find((item) => item.id === claimId)?.label;
    expect(await labelFor(desk.editor)).toBeNull();
    expect(await labelFor(desk.editor)).toBeNull();
    const relabel = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as: desk.editor, params: { claimId }, body: { label: "factual" }, headers: { "if-match": '"1"' } });
    expect(relabel.status).toBe(200);
    // Set by an editor in a blind workspace, so decided: every view shows it.
    expect(await labelFor(desk.editor)).toBe("factual");
    expect(await labelFor(desk.reviewer)).toBe("factual");
    const voted = desk.claimIds[4] ?? "";
    const reviewerSees = async () => ((await list(desk.reviewer, passageId)).body as Items).items.find((item) => item.id === voted)?.label;
    const editorSees = async () => ((await list(desk.editor, passageId)).body as Items).items.find((item) => item.id === voted)?.label;
    expect(await reviewerSees()).toBeNull();
    expect(await editorSees()).toBe("opinion");
    expect(await reviewerSees()).toBeNull();
  });

  it("sees an evidence link moved from one claim to another, though the passage's number of links is back where it was", async () => {
    const desk = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: SENTENCES.join(" ") });
    const first = await createClaimRecord(db, { passage, exact: SENTENCES[0] ?? "", createdById: desk.owner.id });
    const second = await createClaimRecord(db, { passage, exact: SENTENCES[1] ?? "", createdById: desk.owner.id });
    const source = { workspaceId: desk.workspaceId, createdById: desk.editor.id, url: "https://stats.example.org/table-3", title: "Table 3", stance: "supports" as const };
    const link = await linkWebEvidenceRecord(db, { ...source, claimId: first.id });
    type Items = { items: { id: string; evidenceCount: number }[] };
    const counts = (answer: { body: unknown }) => (answer.body as Items).items.map((item) => [item.id, item.evidenceCount]);

    const before = await list(desk.editor, passage.id);
    expect(counts(before)).toEqual([[first.id, 1], [second.id, 0]]);
    // The reviewer takes the source off the first claim and puts it on the second: each list read in
    // between is built and kept by this instance, the first one included.
    await db.claimEvidence.update({ where: { id: link.id }, data: { deletedAt: new Date() } });
    const between = await list(desk.editor, passage.id, { "if-none-match": before.headers.get("etag") ?? "" });
    expect(counts(between)).toEqual([[first.id, 0], [second.id, 0]]);
    await linkWebEvidenceRecord(db, { ...source, claimId: second.id });

    const after = await list(desk.editor, passage.id, { "if-none-match": between.headers.get("etag") ?? "" });
    expect(after.status).toBe(200);
    expect(counts(after)).toEqual([[first.id, 0], [second.id, 1]]);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect((await list(desk.editor, passage.id, { "if-none-match": before.headers.get("etag") ?? "" })).status).toBe(200);
  });

  it("gives an empty passage an ETag too", async () => {
    const desk = await createDesk();
    const empty = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "Nothing marked here." });
    const answer = await list(desk.viewer, empty.id);
    expect(answer).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expect((await list(desk.viewer, empty.id, { "if-none-match": answer.headers.get("etag") ?? "" })).status).toBe(304);
  });
});
