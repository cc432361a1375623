import { describe, expect, it, vi } from "vitest";
import { POST as importRoute } from "@/app/api/v1/workspaces/[workspaceId]/imports/route";
import { POST as createRevisionRoute } from "@/app/api/v1/passages/[passageId]/revisions/route";
import { createNewsPassages, downloadExport, HARBOUR, MINISTER } from "@/lib/exports/exports.int-helpers";
import { addMemberRecord, createClaimRecord, createPassageRecord, createWorkspaceRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import { IMPORT_LIMIT_BYTES, type ImportReport } from "@/lib/imports/import.schemas";
import { checkTransition } from "@/lib/review/review-state";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";


async function sourceDesk() {
  const desk = await createDesk();
  const { harbour, minister } = await createNewsPassages(desk);
  const fact = await createClaimRecord(db, { passage: harbour, exact: "The harbour handled 4.2 million containers in 2025.", createdById: desk.reviewer.id, label: "factual", state: "verified", verdict: "mostly-true", verdictNote: "Matches the port's figures." });
  await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: fact.id, createdById: desk.reviewer.id, url: "https://port.example.org/2025", title: "Port statistics", publisher: "Port authority", quote: "4.2 million TEU", stance: "supports", note: "Table 3" });
  const span = await db.evidence.create({
    data: { workspaceId: desk.workspaceId, kind: "passage", passageId: minister.id, start: 0, end: 12, quote: "The minister", title: "Minister interview", createdById: desk.reviewer.id },
  });
  await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: fact.id, evidenceId: span.id, stance: "context", createdById: desk.reviewer.id } });
  await createClaimRecord(db, { passage: harbour, exact: "Frankly, the waterfront has never looked better.", createdById: desk.reviewer.id, label: "opinion", state: "verified", statement: "=1+1 waterfront" });
  const disputed = await createClaimRecord(db, { passage: minister, exact: "unemployment fell to 5.1 percent in October", createdById: desk.reviewer.id, label: "disputed", state: "in_review" });
  await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: disputed.id, createdById: desk.reviewer.id, url: "https://stats.example.org/oct", title: "Stats", stance: "refutes" });
  await createClaimRecord(db, { passage: harbour, exact: "Critics say the dredging cost 900 million euros.", createdById: desk.reviewer.id });
  return { ...desk, harbour, minister };
}

const postImport = (as: TestUser | undefined, workspaceId: string, file: string, contentType = "application/x-ndjson") =>
  callRoute(importRoute, "POST", `/api/v1/workspaces/${workspaceId}/imports`, { as, params: { workspaceId }, rawBody: file, headers: { "content-type": contentType } });

/** The claims of a JSONL export without what differs between workspaces: ids, links, reviewers, update times. */
function comparableClaims(jsonl: string) {
  return jsonl
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.type === "claim")
    .map((line) => {
      const { id: _id, url: _url, reviewers: _reviewers, updatedAt: _updatedAt, passage, evidence, ...rest } = line as {
        id: string;
        url: string;
        reviewers: unknown;
        updatedAt: string;
        passage: Record<string, unknown>;
        evidence: Record<string, unknown>[];
      };
      const { id: _passageId, ...passageRest } = passage;
      return { ...rest, passage: passageRest, evidence: evidence.map(({ passageId: _evidencePassage, accessedAt: _accessedAt, ...kept }) => kept) };
    });
}

describe("POST /workspaces/{id}/imports", () => {
  it("round-trips: export JSONL, import into an empty workspace, export again gives the same claims", async () => {
    const desk = await sourceDesk();
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "jsonl", state: "all" });
    const empty = await createWorkspaceRecord(db, { ownerId: desk.owner.id, name: "Empty desk" });

    const response = await postImport(desk.owner, empty.id, exported.text);
    expect(response.status).toBe(200);
    const report = response.body as ImportReport;
    expect(report.counts).toEqual({ items: 4, imported: 4, matched: 0, notAnchored: 0, invalid: 0, passagesCreated: 2, passagesMatched: 0 });
    expect(report.items.every((item) => item.notes.length === 0)).toBe(true);

    const again = await downloadExport(desk.owner, empty.id, { format: "jsonl", state: "all" });
    expect(comparableClaims(again.text)).toEqual(comparableClaims(exported.text));
    expect(comparableClaims(again.text)).toHaveLength(4);
    const passages = await db.passage.findMany({ where: { workspaceId: empty.id }, select: { text: true, sourceUrl: true } });
    expect(passages.map((passage) => passage.text).sort()).toEqual([HARBOUR, MINISTER].sort());
    expect(await db.auditEvent.count({ where: { workspaceId: empty.id, action: "claim.imported" } })).toBe(4);
    // A claim imported as decided was decided, for this desk, by whoever imported it.
    const decided = await db.claim.findMany({ where: { workspaceId: empty.id, state: "verified" }, select: { decidedById: true, decidedAt: true } });
    expect(decided.length).toBeGreaterThan(0);
    expect(decided.every((claim) => claim.decidedById === desk.owner.id && claim.decidedAt !== null)).toBe(true);

    // The same file again: every span is already a claim, nothing is written twice.
    const repeat = (await postImport(desk.owner, empty.id, exported.text)).body as ImportReport;
    expect(repeat.counts).toMatchObject({ imported: 0, matched: 4, passagesCreated: 0, passagesMatched: 2 });
    expect(await db.claim.count({ where: { workspaceId: empty.id } })).toBe(4);
  });

  it("keeps a verdict whose key is on the scale, and reports one that is not (the claim then comes in for review)", async () => {
    const desk = await sourceDesk();
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "jsonl" });
    expect(exported.text).toContain('"verdict":{"key":"mostly-true","name":"Mostly true","value":4}');
    const kept = await createWorkspaceRecord(db, { ownerId: desk.owner.id });
    expect(((await postImport(desk.owner, kept.id, exported.text)).body as ImportReport).items[0]?.notes).toEqual([]);
    expect(await db.claim.findMany({ where: { workspaceId: kept.id, label: "factual" }, select: { verdict: true, state: true } })).toEqual([{ verdict: "mostly-true", state: "verified" }]);

    const unknown = await createWorkspaceRecord(db, { ownerId: desk.owner.id });
    const report = (await postImport(desk.owner, unknown.id, exported.text.replace('"key":"mostly-true"', '"key":"pants-on-fire"'))).body as ImportReport;
    expect(report.items[0]?.notes).toEqual([
      "Imported without its verdict: “pants-on-fire” is not a rating on this workspace's scale (add it in the workspace settings, then import again).",
      "Imported as in review instead of verified: A factual claim needs a verdict before it can be verified: choose a rating from the workspace's scale, then verify.",
    ]);
    expect(await db.claim.findMany({ where: { workspaceId: unknown.id, label: "factual" }, select: { verdict: true, state: true } })).toEqual([{ verdict: null, state: "in_review" }]);
  });

  it("brings decided claims in for review when the importer may not decide", async () => {
    const desk = await sourceDesk();
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "jsonl" });
    const target = await createWorkspaceRecord(db, { ownerId: desk.owner.id });
    await db.membership.create({ data: { workspaceId: target.id, userId: desk.reviewer.id, role: "reviewer" } });
    const report = (await postImport(desk.reviewer, target.id, exported.text)).body as ImportReport;
    expect(report.counts.imported).toBe(2);
    expect(report.items[0]?.notes).toEqual([
      "Imported without its verdict: verdicts are given by the editor role or higher.",
      "Imported as in review instead of verified: deciding needs the editor role.",
    ]);
    expect(await db.claim.findMany({ where: { workspaceId: target.id }, select: { state: true } })).toEqual([{ state: "in_review" }, { state: "in_review" }]);
  });

  it("asks the review state machine whether it may keep a decided state, with its reason: the importer is not a second person", async () => {
    const desk = await sourceDesk();
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "jsonl" });
    const target = await createWorkspaceRecord(db, { ownerId: desk.owner.id });
    await db.workspace.update({ where: { id: target.id }, data: { isSecondVerifierRequired: true } });
    const report = (await postImport(desk.owner, target.id, exported.text)).body as ImportReport;
    expect(report.counts.imported).toBe(2);
    const refusal = checkTransition({
      from: "in_review",
      to: "verified",
      role: "owner",
      label: "factual",
      verdict: "true",
      evidenceCount: 1,
      secondPerson: { actorId: desk.owner.id, createdById: desk.owner.id, lastEditedById: desk.owner.id },
    });
    expect(refusal.ok).toBe(false);
    expect(report.items[0]?.notes).toEqual([`Imported as in review instead of verified: ${refusal.ok ? "" : refusal.message}`]);
    const claims = await db.claim.findMany({ where: { workspaceId: target.id }, select: { state: true, lastEditedById: true, createdById: true } });
    expect(claims).toEqual([
      { state: "in_review", lastEditedById: desk.owner.id, createdById: desk.owner.id },
      { state: "in_review", lastEditedById: desk.owner.id, createdById: desk.owner.id },
    ]);
  });

  it("imports our Web Annotation export against passages matched by source URL", async () => {
    const desk = await sourceDesk();
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "webannotation", state: "all" });
    const target = await createWorkspaceRecord(db, { ownerId: desk.owner.id });
    const harbour = await createPassageRecord(db, { workspaceId: target.id, createdById: desk.owner.id, text: `Updated intro.\n\n${HARBOUR}`, sourceUrl: "https://news.example.org/harbour" });

    const report = (await postImport(desk.owner, target.id, exported.text, "application/ld+json")).body as ImportReport;
    expect(report.format).toBe("webannotation");
    // Three annotations target the harbour article (moved by the new intro, found by quote); the minister passage is not here.
    expect(report.counts).toMatchObject({ items: 4, imported: 3, notAnchored: 1, passagesCreated: 0, passagesMatched: 1 });
    expect(report.items.find((item) => item.status === "not_anchored")?.reason).toContain("does not carry the passage text");
    const fact = await db.claim.findFirstOrThrow({
      where: { passageId: harbour.id, exact: "The harbour handled 4.2 million containers in 2025." },
      select: { label: true, state: true, verdictNote: true, statement: true, start: true, evidence: { select: { stance: true, evidence: { select: { url: true } } } } },
    });
    expect(fact).toMatchObject({ label: "factual", state: "draft", verdictNote: "Matches the port's figures.", start: "Updated intro.\n\n".length });
    expect(fact.evidence).toEqual([{ stance: "supports", evidence: { url: "https://port.example.org/2025" } }]);
    const spanNote = report.items.find((item) => item.exact === "The harbour handled 4.2 million containers in 2025.")?.notes;
    expect(spanNote?.[0]).toMatch(/^Evidence 2 was left out/);
  });

  it("keeps every evidence link's stance through a Web Annotation export into a fresh workspace", async () => {
    const desk = await createDesk();
    const { harbour, minister } = await createNewsPassages(desk);
    const ministerSource = "https://news.example.org/minister";
    const ministerWithSource = await db.passage.update({ where: { id: minister.id }, data: { sourceUrl: ministerSource }, select: { id: true, text: true, workspaceId: true } });
    const link = (claimId: string, stance: "supports" | "refutes" | "context", url: string) =>
      linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId, createdById: desk.reviewer.id, url, title: url, stance });
    const fact = await createClaimRecord(db, { passage: harbour, exact: "The harbour handled 4.2 million containers in 2025.", createdById: desk.reviewer.id, label: "factual" });
    await link(fact.id, "supports", "https://port.example.org/2025");
    await link(fact.id, "refutes", "https://critics.example.org/teu");
    await link(fact.id, "context", "https://history.example.org/port");
    const rate = await createClaimRecord(db, { passage: ministerWithSource, exact: "unemployment fell to 5.1 percent in October", createdById: desk.reviewer.id, label: "disputed" });
    await link(rate.id, "refutes", "https://stats.example.org/oct");
    await link(rate.id, "context", "https://port.example.org/2025");

    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "webannotation", state: "all" });
    const fresh = await createWorkspaceRecord(db, { ownerId: desk.owner.id, name: "Fresh desk" });
    // Web Annotations carry no passage text: the fresh desk has the articles, matched by source URL.
    for (const [text, sourceUrl] of [[HARBOUR, "https://news.example.org/harbour"], [MINISTER, ministerSource]] as const) {
      await createPassageRecord(db, { workspaceId: fresh.id, createdById: desk.owner.id, text, sourceUrl });
    }
    const report = (await postImport(desk.owner, fresh.id, exported.text, "application/ld+json")).body as ImportReport;
    expect(report.counts).toMatchObject({ items: 2, imported: 2, passagesMatched: 2 });
    expect(report.items.flatMap((item) => item.notes)).toEqual([]);

    const stances = async (workspaceId: string) =>
      (
        await db.claim.findMany({
          where: { workspaceId },
          orderBy: { exact: "asc" },
          select: { exact: true, evidence: { select: { stance: true, evidence: { select: { url: true } } } } },
        })
      ).map((claim) => ({ exact: claim.exact, evidence: claim.evidence.map((linked) => `${linked.stance} ${linked.evidence.url}`).sort() }));
    expect(await stances(fresh.id)).toEqual(await stances(desk.workspaceId));
    expect((await stances(fresh.id)).flatMap((claim) => claim.evidence)).toHaveLength(5);
  });

  it("counts Web Annotation positions in Unicode code points, both in the export and in an import that has only a position", async () => {
    const desk = await createDesk();
    const sourceUrl = "https://news.example.org/alert";
    const text = "🚨 Live: the port 🇳🇱 handled 4.2 million containers in 2025, officials said. 𝕏 users disagreed with the figure.";
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text, sourceUrl });
    const claims = ["handled 4.2 million containers in 2025", "users disagreed"];
    for (const exact of claims) await createClaimRecord(db, { passage, exact, createdById: desk.reviewer.id, label: "factual" });
    const span = await db.evidence.create({
      data: { workspaceId: desk.workspaceId, kind: "passage", passageId: passage.id, start: text.indexOf("officials"), end: text.indexOf("officials") + 9, quote: "officials", createdById: desk.reviewer.id },
    });
    const claimWithSpan = await db.claim.findFirstOrThrow({ where: { passageId: passage.id, exact: claims[1] }, select: { id: true } });
    await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: claimWithSpan.id, evidenceId: span.id, stance: "context", createdById: desk.reviewer.id } });

    type Selector = { type: string; start?: number; end?: number; exact?: string };
    type Annotation = { target: { selector: Selector[] }; body: { selector?: Selector[] }[] };
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "webannotation", state: "all" });
    const annotations = (JSON.parse(exported.text) as { first: { items: Annotation[] } }).first.items;
    // What a reader that indexes code points (Python's text[start:end]) gets from each selector.
    const codePoints = [...text];
    const sliced = (selector: Selector | undefined) => codePoints.slice(selector?.start, selector?.end).join("");
    const positionOf = (selectors: Selector[] | undefined) => selectors?.find((selector) => selector.type === "TextPositionSelector");
    expect(annotations.map((annotation) => sliced(positionOf(annotation.target.selector))).sort()).toEqual([...claims].sort());
    expect(annotations.flatMap((annotation) => annotation.body.map((body) => positionOf(body.selector))).filter(Boolean).map(sliced)).toEqual(["officials"]);

    // The desk imports the file back after its claims were deleted, with the positions only (a quote is optional in the model).
    const before = await db.claim.findMany({ where: { passageId: passage.id }, orderBy: { start: "asc" }, select: { exact: true, start: true, end: true } });
    await db.claim.updateMany({ where: { passageId: passage.id }, data: { deletedAt: new Date() } });
    const withoutQuotes = (selectors: Selector[] | undefined) => selectors?.filter((selector) => selector.type === "TextPositionSelector");
    for (const annotation of annotations) {
      annotation.target.selector = withoutQuotes(annotation.target.selector) ?? [];
      for (const body of annotation.body) if (body.selector) body.selector = withoutQuotes(body.selector);
    }
    const report = (await postImport(desk.owner, desk.workspaceId, JSON.stringify(annotations), "application/ld+json")).body as ImportReport;
    expect(report.counts).toMatchObject({ items: 2, imported: 2, notAnchored: 0 });
    expect(report.items.flatMap((item) => item.notes)).toEqual([]);
    const live = { passageId: passage.id, deletedAt: null };
    expect(await db.claim.findMany({ where: live, orderBy: { start: "asc" }, select: { exact: true, start: true, end: true } })).toEqual(before);
    const placedSpan = await db.claimEvidence.findFirstOrThrow({ where: { claim: live }, select: { evidence: { select: { start: true, end: true, quote: true } } } });
    expect(placedSpan.evidence).toEqual({ start: span.start, end: span.end, quote: "officials" });
  });

  it("imports a Hypothesis annotation: tags as label hints, text as the note, and reports a quote that no longer occurs", async () => {
    const desk = await sourceDesk();
    const annotation = (exact: string, extra: Record<string, unknown> = {}) => ({
      id: "hyp-1",
      uri: "https://news.example.org/harbour",
      text: "Port figures say 4.0 million.",
      tags: ["Disputed", "shipping"],
      document: { title: ["Harbour report"] },
      target: [
        {
          source: "https://news.example.org/harbour",
          selector: [
            { type: "RangeSelector", startContainer: "/p[1]", startOffset: 0, endContainer: "/p[1]", endOffset: 10 },
            { type: "TextPositionSelector", start: 64, end: 64 + exact.length },
            { type: "TextQuoteSelector", exact, prefix: "Critics say ", suffix: "." },
          ],
        },
      ],
      ...extra,
    });
    const file = JSON.stringify({ total: 2, rows: [annotation("the dredging cost 900 million euros"), annotation("the dredging cost 9 billion euros")] });
    const report = (await postImport(desk.editor, desk.workspaceId, file, "application/json")).body as ImportReport;
    expect(report.items.map((item) => item.status)).toEqual(["imported", "not_anchored"]);
    expect(report.items[0]?.notes).toEqual(["Tags that are not a label were left out: shipping."]);
    expect(report.items[1]?.reason).toBe("The quote does not occur in the passage text.");
    const claim = await db.claim.findUniqueOrThrow({ where: { id: report.items[0]?.claimId ?? "" }, select: { label: true, verdictNote: true, passageId: true, state: true } });
    expect(claim).toEqual({ label: "disputed", verdictNote: "Port figures say 4.0 million.", passageId: desk.harbour.id, state: "draft" });
  });

  it("keeps what the source's revisions left for a person through a JSONL round trip: changed anchors to confirm, orphans with their evidence", async () => {
    const desk = await createDesk();
    const before = "Crime fell 20 percent in 2023, the police said. Burglaries halved. Car thefts rose slightly.";
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Crime figures", text: before, sourceUrl: "https://news.example.org/crime" });
    const figure = await createClaimRecord(db, { passage, exact: "Crime fell 20 percent in 2023", createdById: desk.reviewer.id, label: "factual", state: "verified", verdict: "true" });
    const halved = await createClaimRecord(db, { passage, exact: "Burglaries halved.", createdById: desk.reviewer.id, label: "factual", state: "verified", verdict: "true" });
    for (const claim of [figure, halved]) {
      await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: claim.id, createdById: desk.reviewer.id, url: "https://police.example.org/2023", title: "Police figures", stance: "supports" });
    }
    const revised = await callRoute(createRevisionRoute, "POST", `/api/v1/passages/${passage.id}/revisions`, {
      as: desk.editor,
      params: { passageId: passage.id },
      body: { text: "Crime fell 2 percent in 2023, the police said. Car thefts rose slightly." },
      headers: { "if-match": '"1"' },
    });
    expect(revised.status).toBe(201);
    const anchors = async (workspaceId: string) =>
      db.claim.findMany({ where: { workspaceId, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { state: true, anchorStatus: true, previousQuote: true, exact: true, anchorRevision: true, _count: { select: { evidence: true } } } });
    expect((await anchors(desk.workspaceId)).map((claim) => claim.anchorStatus)).toEqual(["changed", "orphaned"]);

    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "jsonl", state: "all" });
    const fresh = await createWorkspaceRecord(db, { ownerId: desk.owner.id, name: "Fresh desk" });
    const report = (await postImport(desk.owner, fresh.id, exported.text)).body as ImportReport;
    expect(report.counts).toMatchObject({ items: 2, imported: 2, notAnchored: 0 });
    expect(report.items.map((item) => item.notes.join(" "))).toEqual([expect.stringContaining("anchor to confirm"), expect.stringContaining("Imported as orphaned")]);
    const [changed, orphan] = await anchors(fresh.id);
    expect(changed).toMatchObject({ state: "verified", anchorStatus: "changed", previousQuote: "Crime fell 20 percent in 2023", exact: "Crime fell 2 percent in 2023" });
    expect(orphan).toMatchObject({ state: "verified", anchorStatus: "orphaned", exact: "Burglaries halved.", anchorRevision: 0, _count: { evidence: 1 } });
    // Neither is published by the new desk's ClaimReview until a person settles its anchor.
    const claimReview = await downloadExport(desk.owner, fresh.id, { format: "claimreview" });
    expect(claimReview.text).not.toContain("Crime fell");
    expect(claimReview.text).not.toContain("Burglaries");
    // Imported twice, nothing new is written.
    const again = (await postImport(desk.owner, fresh.id, exported.text)).body as ImportReport;
    expect(again.counts).toMatchObject({ imported: 0, matched: 2 });
  });

  it("waits for a revision being saved and places the claims on the revised text, never on the words it replaced", async () => {
    const desk = await createDesk();
    const before = "Critics say the dredging cost 900 million euros. The port disagrees.";
    const after = "An editor's note was added at the top. Critics say the dredging cost 900 million euros. The port disagrees.";
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Dredging", text: before, sourceUrl: "https://news.example.org/dredging" });
    const exact = "the dredging cost 900 million euros";
    const file = JSON.stringify({
      total: 1,
      rows: [
        {
          id: "hyp-race",
          uri: "https://news.example.org/dredging",
          text: "",
          tags: [],
          target: [{ source: "https://news.example.org/dredging", selector: [{ type: "TextQuoteSelector", exact, prefix: "Critics say ", suffix: "." }] }],
        },
      ],
    });
    // A revision in progress holds the passage row (as create-revision does) while the import starts.
    let answer: Promise<Awaited<ReturnType<typeof postImport>>> | undefined;
    await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Passage" WHERE id = ${passage.id} FOR UPDATE`;
        answer = postImport(desk.editor, desk.workspaceId, file, "application/json");
        // The import must wait for the revision, not read the text it is about to replace.
        await vi.waitFor(
          async () => {
            const waiting = await db.$queryRaw<{ count: number }[]>`
              SELECT count(*)::int AS count FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'`;
            expect(waiting[0]?.count).toBeGreaterThan(0);
          },
          { timeout: 10_000, interval: 50 },
        );
        await tx.passage.update({ where: { id: passage.id }, data: { text: after, textLength: after.length, revision: 2 } });
      },
      { timeout: 20_000 },
    );
    const report = (await answer!).body as ImportReport;
    expect(report.items.map((item) => item.status)).toEqual(["imported"]);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: report.items[0]?.claimId ?? "" }, select: { start: true, end: true, exact: true } });
    expect(claim).toEqual({ start: after.indexOf(exact), end: after.indexOf(exact) + exact.length, exact });
  });

  it("falls back to the position when the quote's context changed, and reports bad lines without failing the rest", async () => {
    const desk = await sourceDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "Intro. Rates rose. Rates rose again in May.", sourceUrl: "https://news.example.org/rates" });
    const claimLine = (selector: unknown[]) =>
      JSON.stringify({ type: "claim", passage: { id: "x", sourceUrl: "https://news.example.org/rates" }, target: { selector }, statement: "Rates rose", label: "factual" });
    const file = [
      claimLine([{ type: "TextQuoteSelector", exact: "Rates rose", prefix: "old context ", suffix: "" }, { type: "TextPositionSelector", start: 19, end: 29 }]),
      "{not json",
      JSON.stringify({ type: "claim", statement: "" }),
    ].join("\n");
    const report = (await postImport(desk.editor, desk.workspaceId, file)).body as ImportReport;
    expect(report.items.map((item) => [item.item, item.status])).toEqual([["line 1", "imported"], ["line 2", "invalid"], ["line 3", "invalid"]]);
    expect(await db.claim.findUniqueOrThrow({ where: { id: report.items[0]?.claimId ?? "" }, select: { start: true, end: true, passageId: true } })).toEqual({ start: 19, end: 29, passageId: passage.id });
  });

  it("answers 413 over the size limit, 415 for other media, 400 for an empty file, 403 for viewers and 404 for strangers", async () => {
    const desk = await sourceDesk();
    const big = await postImport(desk.owner, desk.workspaceId, "x".repeat(IMPORT_LIMIT_BYTES + 1));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: "payload_too_large", message: expect.stringContaining("Export fewer claims per file") } });
    expect((await postImport(desk.owner, desk.workspaceId, "a,b", "text/csv")).status).toBe(415);
    expect((await postImport(desk.owner, desk.workspaceId, "  \n")).status).toBe(400);
    expect((await postImport(desk.owner, desk.workspaceId, "[1, 2]", "application/json")).body).toMatchObject({ counts: { invalid: 2 } });
    expect((await postImport(desk.viewer, desk.workspaceId, "{}")).status).toBe(403);
    expect((await postImport(desk.stranger, desk.workspaceId, "{}")).status).toBe(404);
    expect((await postImport(undefined, desk.workspaceId, "{}")).status).toBe(401);
  });
});

describe("POST /workspaces/{id}/imports into a blind double review workspace", () => {
  it("imports a reviewer's claims without their labels, saying why, since only an editor sets a final label there", async () => {
    const desk = await sourceDesk();
    const exported = await downloadExport(desk.owner, desk.workspaceId, { format: "jsonl", state: "all" });
    const blind = await createWorkspaceRecord(db, { ownerId: desk.owner.id, name: "Blind desk" });
    await db.workspace.update({ where: { id: blind.id }, data: { isBlindReview: true } });
    await addMemberRecord(db, { workspaceId: blind.id, userId: desk.reviewer.id, role: "reviewer" });
    const response = await postImport(desk.reviewer, blind.id, exported.text);
    expect(response.status).toBe(200);
    const report = response.body as ImportReport;
    expect(report.counts.imported).toBe(4);
    expect(report.items.filter((item) => item.notes.some((note) => note.includes("blind double review")))).toHaveLength(3);
    const labels = await db.claim.findMany({ where: { workspaceId: blind.id }, select: { label: true } });
    expect(labels.map((claim) => claim.label)).toEqual([null, null, null, null]);
  });
});
