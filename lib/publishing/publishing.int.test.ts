import jsonld from "jsonld";
import { afterAll, describe, expect, it } from "vitest";
import { GET as atomFeedRoute } from "@/app/fact-checks/feeds/[workspaceId]/atom.xml/route";
import { GET as jsonFeedRoute } from "@/app/fact-checks/feeds/[workspaceId]/feed.json/route";
import { DELETE as unlinkEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/[linkId]/route";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { DELETE as withdrawRoute, POST as publishRoute } from "@/app/api/v1/claims/[claimId]/publication/route";
import { GET as getClaimRoute, PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import type { Claim } from "@/lib/claims/claim.schemas";
import { localDocumentLoader } from "@/lib/exports/exports.int-helpers";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import type { Publication } from "@/lib/publishing/publishing.schemas";
import type { PublicFactCheck } from "@/lib/publishing/public-fact-check";
import { factCheckClaimReview } from "@/lib/publishing/server/fact-check-claim-review";
import { getPassageReport } from "@/lib/publishing/server/get-passage-report";
import { getPublicFactCheck } from "@/lib/publishing/server/get-public-fact-check";
import { isWithdrawnFactCheckPath } from "@/lib/publishing/server/withdrawn-fact-check";
import { stopJobBoss } from "@/lib/jobs/server/job-boss";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute, sessionCookie } from "@/scripts/test/route-client";

const ORIGIN = "http://localhost:3000";
const publish = (as: TestUser, claimId: string) => callRoute(publishRoute, "POST", `/api/v1/claims/${claimId}/publication`, { as, params: { claimId } });
const withdraw = (as: TestUser, claimId: string) => callRoute(withdrawRoute, "DELETE", `/api/v1/claims/${claimId}/publication`, { as, params: { claimId } });
const patchClaim = async (as: TestUser, claimId: string, body: unknown) => {
  const current = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  return callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as, params: { claimId }, body, headers: { "if-match": `"${current.version}"` } });
};

/** Replaces the default scale a new workspace gets with a smaller one whose wording the tests check. */
async function createScale(workspaceId: string) {
  await db.rating.deleteMany({ where: { workspaceId } });
  await db.rating.createMany({
    data: [
      { workspaceId, key: "true", name: "True", description: "Accurate, nothing significant missing.", value: 5, position: 0 },
      { workspaceId, key: "mostly-false", name: "Mostly false", description: "An element of truth, but misleading.", value: 2, position: 1 },
      { workspaceId, key: "false", name: "False", description: "Not accurate.", value: 1, position: 2 },
      { workspaceId, key: "unproven", name: "Unproven", description: "Evidence is insufficient.", value: null, position: 3 },
    ],
  });
}

/** A desk with a scale and a passage whose first claim is verified with a verdict and a web source. */
async function publishingDesk(moreText = "") {
  const text = `The harbour handled 3 million containers in 2024. Ferries stopped running. Tolls doubled last year.${moreText}`;
  const desk = await createDesk();
  await createScale(desk.workspaceId);
  const passage = await createPassageRecord(db, {
    workspaceId: desk.workspaceId,
    createdById: desk.owner.id,
    text,
    title: "Harbour speech",
    sourceUrl: "https://news.example.org/harbour-speech",
    author: "Mayor Quill",
    publisher: "City Hall",
    publishedAt: new Date("2026-03-02T00:00:00Z"),
  });
  const claim = await createClaimRecord(db, {
    passage,
    exact: "The harbour handled 3 million containers in 2024.",
    createdById: desk.reviewer.id,
    label: "factual",
    state: "verified",
    verdictNote: "Port statistics show 2.1 million.",
  });
  await db.claim.update({ where: { id: claim.id }, data: { verdict: "mostly-false" } });
  await linkWebEvidenceRecord(db, {
    workspaceId: desk.workspaceId,
    claimId: claim.id,
    createdById: desk.reviewer.id,
    url: `https://stats.example.org/port-${uniqueSuffix()}`,
    title: "Port statistics 2024",
    publisher: "Statistics Office",
    stance: "refutes",
  });
  return { ...desk, passage, claim };
}

async function publicFactCheck(slug: string): Promise<PublicFactCheck> {
  const found = await getPublicFactCheck(slug);
  if (found?.status !== "published") throw new Error(`Expected ${slug} to be published, got ${found?.status ?? "nothing"}`);
  return found;
}

afterAll(async () => {
  await stopJobBoss();
});

describe("publishing a claim", () => {
  it("publishes a verified claim with a verdict under a readable slug, shown in the claim's JSON; again changes nothing", async () => {
    const desk = await publishingDesk();
    const first = await publish(desk.editor, desk.claim.id);
    expect(first.status).toBe(201);
    const publication = first.body as Publication;
    expect(publication.slug).toMatch(/^the-harbour-handled-3-million-containers-in-2024(-\d+)?$/);
    expect(publication).toMatchObject({ withdrawnAt: null, url: expect.stringMatching(new RegExp(`/fact-checks/${publication.slug}$`)) });

    const again = await publish(desk.owner, desk.claim.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(publication);
    const claim = await callRoute(getClaimRoute, "GET", `/api/v1/claims/${desk.claim.id}`, { as: desk.viewer, params: { claimId: desk.claim.id } });
    expect((claim.body as Claim).publication).toEqual(publication);
    const audit = await db.auditEvent.findMany({ where: { claimId: desk.claim.id, action: { startsWith: "claim.publ" } }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "claim.published", actorId: desk.editor.id }]);
  });

  it("refuses reviewers and viewers (403), outsiders and unknown claims (404), unverified claims and claims without a verdict (409)", async () => {
    const desk = await publishingDesk();
    expect((await publish(desk.reviewer, desk.claim.id)).status).toBe(403);
    expect((await publish(desk.viewer, desk.claim.id)).status).toBe(403);
    expect((await publish(desk.stranger, desk.claim.id)).status).toBe(404);
    expect((await publish(desk.editor, "cnotaclaim0000000000000")).status).toBe(404);

    const inReview = await createClaimRecord(db, { passage: desk.passage, exact: "Ferries stopped running.", createdById: desk.reviewer.id, state: "in_review" });
    const refused = await publish(desk.editor, inReview.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("Only verified claims are published") } });
    const noVerdict = await createClaimRecord(db, { passage: desk.passage, exact: "Tolls doubled last year.", createdById: desk.reviewer.id, state: "verified" });
    expect(await publish(desk.editor, noVerdict.id)).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining("verdict") } } });
    expect(await db.publication.count({ where: { workspaceId: desk.workspaceId } })).toBe(0);
  });

  it("resolves slug collisions with a suffix, also when two claims with the same words are published at once", async () => {
    const words = `Bridge tolls rose ${uniqueSuffix()} percent.`;
    const desk = await publishingDesk(` ${words} Again: ${words} Once more: ${words} And: ${words}`);
    const claims = [];
    for (const prefix of ["", "Again: ", "Once more: ", "And: "]) {
      const passageText = desk.passage.text;
      const start = passageText.indexOf(`${prefix}${words}`) + prefix.length;
      claims.push(
        await db.claim.create({
          data: {
            workspaceId: desk.workspaceId,
            passageId: desk.passage.id,
            createdById: desk.reviewer.id,
            statement: words,
            state: "verified",
            verdict: "false",
            exact: words,
            prefix: passageText.slice(Math.max(0, start - 32), start),
            suffix: passageText.slice(start + words.length, start + words.length + 32),
            start,
            end: start + words.length,
          },
          select: { id: true },
        }),
      );
    }
    const first = await publish(desk.editor, claims[0]!.id);
    const base = (first.body as Publication).slug;
    // Someone else's fact-check already holds the "-2" address.
    await db.publication.create({ data: { claimId: desk.claim.id, workspaceId: desk.workspaceId, slug: `${base}-2` } });
    const together = await Promise.all(claims.slice(1).map((claim) => publish(desk.editor, claim.id)));
    expect(together.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(together.map((answer) => (answer.body as Publication).slug).sort()).toEqual([`${base}-3`, `${base}-4`, `${base}-5`]);
  });

  it("withdraws (the page then reads as withdrawn, with the date) and republishes under the same address", async () => {
    const desk = await publishingDesk();
    const { slug } = (await publish(desk.editor, desk.claim.id)).body as Publication;
    expect(await isWithdrawnFactCheckPath(`/fact-checks/${slug}`)).toBe(false);
    expect((await withdraw(desk.reviewer, desk.claim.id)).status).toBe(403);
    const withdrawn = await withdraw(desk.editor, desk.claim.id);
    expect(withdrawn.status).toBe(200);
    const withdrawnAt = (withdrawn.body as Publication).withdrawnAt;
    expect(withdrawnAt).not.toBeNull();
    expect(await getPublicFactCheck(slug)).toEqual({ status: "withdrawn", slug, withdrawnAt, workspace: { id: desk.workspaceId, name: desk.workspace.name } });
    expect(await isWithdrawnFactCheckPath(`/fact-checks/${slug}`)).toBe(true);
    expect((await withdraw(desk.editor, desk.claim.id)).status).toBe(409);

    const republished = await publish(desk.editor, desk.claim.id);
    expect(republished.status).toBe(200);
    expect(republished.body).toMatchObject({ slug, withdrawnAt: null });
    expect((await publicFactCheck(slug)).status).toBe("published");
    const actions = await db.auditEvent.findMany({ where: { claimId: desk.claim.id, action: { in: ["claim.published", "claim.withdrawn", "claim.republished"] } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["claim.published", "claim.withdrawn", "claim.republished"]);
  });
});

describe("rejecting a published claim", () => {
  it("is refused while its fact-check is public, naming the page to withdraw; once withdrawn, the claim can be rejected", async () => {
    const desk = await publishingDesk();
    const { slug } = (await publish(desk.editor, desk.claim.id)).body as Publication;
    // Reopened for review, the page stays up (decision 011); a rejection would leave it standing behind a rejected claim.
    expect((await patchClaim(desk.editor, desk.claim.id, { state: "in_review" })).status).toBe(200);
    const refused = await patchClaim(desk.editor, desk.claim.id, { state: "rejected" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { message: expect.stringContaining(`/fact-checks/${slug}`) } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: desk.claim.id } })).state).toBe("in_review");
    expect((await publicFactCheck(slug)).status).toBe("published");

    expect((await withdraw(desk.editor, desk.claim.id)).status).toBe(200);
    expect((await patchClaim(desk.editor, desk.claim.id, { state: "rejected" })).status).toBe(200);
  });
});

describe("the Atom feed", () => {
  it("gives the workspace's name as plain text, escaped once for XML, and entry titles as HTML", async () => {
    const desk = await publishingDesk();
    await db.workspace.update({ where: { id: desk.workspaceId }, data: { name: "Desk <b> & co" } });
    await publish(desk.editor, desk.claim.id);
    const feed = await atomFeedRoute(new Request(`${ORIGIN}/fact-checks/feeds/${desk.workspaceId}/atom.xml`), { params: Promise.resolve({ workspaceId: desk.workspaceId }) });
    const xml = await feed.text();
    expect(xml).toMatch(/<title>Desk &lt;b(&gt;|>) &amp; co: fact-checks<\/title>/);
    expect(xml).toContain("<rights>Desk &lt;b");
    expect(xml).not.toContain("&amp;#");
    expect(xml).toMatch(/<title type="html"><!\[CDATA\[[^\]]*The harbour handled 3 million containers in 2024\./);
  });
});

describe("a published claim that is deleted", () => {
  it("reads as withdrawn, with the deletion's date, and leaves the report and the feed; restored, it is back", async () => {
    const desk = await publishingDesk();
    const { slug } = (await publish(desk.editor, desk.claim.id)).body as Publication;
    const deletedAt = new Date("2026-12-01T10:00:00Z");
    await db.claim.update({ where: { id: desk.claim.id }, data: { deletedAt } });
    expect(await getPublicFactCheck(slug)).toMatchObject({ status: "withdrawn", withdrawnAt: deletedAt.toISOString() });
    expect(await isWithdrawnFactCheckPath(`/fact-checks/${slug}`)).toBe(true);
    expect(await getPassageReport(desk.passage.id)).toBeNull();
    const feed = await atomFeedRoute(new Request(`${ORIGIN}/fact-checks/feeds/${desk.workspaceId}/atom.xml`), { params: Promise.resolve({ workspaceId: desk.workspaceId }) });
    expect(feed.status).toBe(404);
    await db.claim.update({ where: { id: desk.claim.id }, data: { deletedAt: null } });
    expect((await publicFactCheck(slug)).statement).toBe("The harbour handled 3 million containers in 2024.");
  });
});

describe("corrections", () => {
  it("need a public note to change a published claim's statement or evidence, and are listed newest first", async () => {
    const desk = await publishingDesk();
    // A webhook listening for publications and corrections hears both, from their transactions.
    await db.webhook.create({
      data: { workspaceId: desk.workspaceId, url: "https://93.184.215.14/hook", events: ["claim.published", "claim.corrected"], secret: "test-secret", createdById: desk.owner.id },
    });
    const { slug } = (await publish(desk.editor, desk.claim.id)).body as Publication;
    const before = await publicFactCheck(slug);

    const missing = await patchClaim(desk.editor, desk.claim.id, { statement: "The harbour handled 3 million containers in 2023." });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ error: { message: expect.stringContaining("correctionNote") } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: desk.claim.id } })).statement).toBe("The harbour handled 3 million containers in 2024.");

    const corrected = await patchClaim(desk.editor, desk.claim.id, { statement: "The harbour handled 3 million containers in 2023.", correctionNote: "We quoted the wrong year." });
    expect(corrected.status).toBe(200);
    const events = await db.webhookEvent.findMany({ where: { workspaceId: desk.workspaceId }, orderBy: { createdAt: "asc" }, select: { type: true, data: true } });
    expect(events.map((event) => event.type)).toEqual(["claim.published", "claim.corrected"]);
    expect(events[1]?.data).toMatchObject({ claim: { id: desk.claim.id }, correction: { note: "We quoted the wrong year." }, publication: { slug } });
    expect(await db.webhookDelivery.count({ where: { event: { workspaceId: desk.workspaceId } } })).toBe(2);
    expect((corrected.body as Claim).statement).toBe("The harbour handled 3 million containers in 2023.");

    const url = `https://stats.example.org/revised-${uniqueSuffix()}`;
    const evidencePath = `/api/v1/claims/${desk.claim.id}/evidence`;
    const noNote = await callRoute(addEvidenceRoute, "POST", evidencePath, { as: desk.editor, params: { claimId: desk.claim.id }, body: { stance: "refutes", url, title: "Revised figures" } });
    expect(noNote.status).toBe(409);
    const added = await callRoute(addEvidenceRoute, "POST", evidencePath, {
      as: desk.editor,
      params: { claimId: desk.claim.id },
      body: { stance: "refutes", url, title: "Revised figures", correctionNote: "Added the revised port figures." },
    });
    expect(added.status).toBe(201);
    const linkId = (added.body as { id: string }).id;
    const unlinkPath = `${evidencePath}/${linkId}`;
    expect((await callRoute(unlinkEvidenceRoute, "DELETE", unlinkPath, { as: desk.editor, params: { claimId: desk.claim.id, linkId } })).status).toBe(409);
    const unlinked = await callRoute(unlinkEvidenceRoute, "DELETE", `${unlinkPath}?correctionNote=${encodeURIComponent("The revised figures were withdrawn.")}`, {
      as: desk.editor,
      params: { claimId: desk.claim.id, linkId },
    });
    expect(unlinked.status).toBe(204);

    const after = await publicFactCheck(slug);
    expect(after.statement).toBe("The harbour handled 3 million containers in 2023.");
    expect(after.corrections.map((correction) => correction.note)).toEqual(["The revised figures were withdrawn.", "Added the revised port figures.", "We quoted the wrong year."]);
    expect(after.corrections[2]!.changes).toEqual([
      { field: "statement", before: "The harbour handled 3 million containers in 2024.", after: "The harbour handled 3 million containers in 2023." },
    ]);
    expect(after.modifiedAt > before.modifiedAt).toBe(true);
    expect(after.publishedAt).toBe(before.publishedAt);
  });

  it("are not asked for on unpublished or withdrawn claims, and a label change is none", async () => {
    const desk = await publishingDesk();
    expect((await patchClaim(desk.editor, desk.claim.id, { verdictNote: "Draft wording." })).status).toBe(200);
    await publish(desk.editor, desk.claim.id);
    expect((await patchClaim(desk.editor, desk.claim.id, { label: "disputed" })).status).toBe(200);
    await withdraw(desk.editor, desk.claim.id);
    expect((await patchClaim(desk.editor, desk.claim.id, { statement: "Reworded after withdrawal." })).status).toBe(200);
    expect(await db.correction.count({ where: { claimId: desk.claim.id } })).toBe(0);
  });
});

describe("the public fact-check", () => {
  it("carries a ClaimReview with Google's required and recommended fields that expands in safe mode", async () => {
    const desk = await publishingDesk();
    const { slug } = (await publish(desk.editor, desk.claim.id)).body as Publication;
    const review = factCheckClaimReview(await publicFactCheck(slug), ORIGIN);
    expect(review).toMatchObject({
      "@type": "ClaimReview",
      url: `${ORIGIN}/fact-checks/${slug}`,
      claimReviewed: "The harbour handled 3 million containers in 2024.",
      author: { "@type": "Organization", name: desk.workspace.name },
      datePublished: expect.any(String),
      reviewRating: { "@type": "Rating", alternateName: "Mostly false", ratingValue: 2, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Mayor Quill" },
        appearance: { "@type": "CreativeWork", url: "https://news.example.org/harbour-speech" },
      },
    });
    const expanded = await jsonld
      .expand(review as jsonld.JsonLdDocument, { documentLoader: localDocumentLoader, safe: true } as jsonld.Options.Expand)
      .catch((error: { details?: unknown }) => {
        throw new Error(`Safe mode refused the ClaimReview: ${JSON.stringify(error.details)}`);
      });
    expect(JSON.stringify(expanded)).toContain('"@type":["http://schema.org/ClaimReview"]');
  });
});

/** Everything a public address answers for a workspace, as an anonymous visitor and as a member of another workspace. */
async function everyPublicByte(workspaceId: string, slugs: string[], passageIds: string[], others: TestUser[]) {
  const parts: string[] = [];
  for (const slug of slugs) {
    const factCheck = await getPublicFactCheck(slug);
    parts.push(JSON.stringify(factCheck));
    if (factCheck?.status === "published") parts.push(JSON.stringify(factCheckClaimReview(factCheck, ORIGIN)));
  }
  for (const passageId of passageIds) parts.push(JSON.stringify(await getPassageReport(passageId)));
  for (const as of [undefined, ...others]) {
    const headers = as ? { cookie: await sessionCookie(as) } : undefined;
    for (const [route, file] of [
      [atomFeedRoute, "atom.xml"],
      [jsonFeedRoute, "feed.json"],
    ] as const) {
      const response = await route(new Request(`${ORIGIN}/fact-checks/feeds/${workspaceId}/${file}`, { headers }), { params: Promise.resolve({ workspaceId }) });
      expect(response.status).toBe(200);
      parts.push(await response.text());
    }
  }
  return parts.join("\n");
}

describe("nothing unpublished is public", () => {
  it("keeps drafts, claims in review, unpublished claims of the same passage, comments, assignees, votes, private sources and other desks out of every public address", async () => {
    const secret = (what: string) => `SECRET-${what}-${uniqueSuffix()}`;
    const secrets = {
      draft: secret("DRAFT"),
      inReview: secret("IN-REVIEW"),
      verifiedUnpublished: secret("VERIFIED-UNPUBLISHED"),
      withdrawn: secret("WITHDRAWN"),
      comment: secret("COMMENT"),
      evidenceNote: secret("EVIDENCE-NOTE"),
      privatePassage: secret("PRIVATE-PASSAGE"),
      otherDesk: secret("OTHER-DESK"),
    };
    const desk = await publishingDesk();
    const assignee = desk.viewer;
    await db.user.update({ where: { id: assignee.id }, data: { name: secret("ASSIGNEE") } });
    const assigneeName = (await db.user.findUniqueOrThrow({ where: { id: assignee.id } })).name;
    const reviewerName = desk.reviewer.name;
    await db.claim.update({ where: { id: desk.claim.id }, data: { assigneeId: assignee.id } });
    await db.comment.create({ data: { workspaceId: desk.workspaceId, claimId: desk.claim.id, authorId: desk.reviewer.id, body: secrets.comment } });
    await db.blindLabel.create({ data: { claimId: desk.claim.id, reviewerId: desk.reviewer.id, label: "opinion" } });
    await linkWebEvidenceRecord(db, {
      workspaceId: desk.workspaceId,
      claimId: desk.claim.id,
      createdById: desk.reviewer.id,
      url: `https://example.org/${uniqueSuffix()}`,
      title: "Context",
      stance: "context",
      note: secrets.evidenceNote,
    });
    // A span of a passage nobody published, linked as evidence: its words stay private.
    const privatePassage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `Internal memo: ${secrets.privatePassage}.`, title: secret("MEMO") });
    const span = await db.evidence.create({
      data: { workspaceId: desk.workspaceId, kind: "passage", passageId: privatePassage.id, start: 15, end: 15 + secrets.privatePassage.length, quote: secrets.privatePassage, title: secret("MEMO-TITLE"), createdById: desk.owner.id },
    });
    await db.claimEvidence.create({ data: { workspaceId: desk.workspaceId, claimId: desk.claim.id, evidenceId: span.id, stance: "supports", createdById: desk.owner.id } });
    // The other claims of the same passage, in every unpublished state, with statements of their own.
    for (const [exact, state, statement] of [
      ["Ferries stopped running.", "draft", secrets.draft],
      ["Tolls doubled last year.", "in_review", secrets.inReview],
    ] as const) {
      await createClaimRecord(db, { passage: desk.passage, exact, createdById: desk.reviewer.id, state, statement, verdictNote: `${statement}-note` });
    }
    const secondPassage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: "Rents fell. Wages rose.", title: "Budget" });
    const verifiedUnpublished = await createClaimRecord(db, { passage: secondPassage, exact: "Rents fell.", createdById: desk.reviewer.id, state: "verified", statement: secrets.verifiedUnpublished });
    await db.claim.update({ where: { id: verifiedUnpublished.id }, data: { verdict: "false" } });
    const withdrawnClaim = await createClaimRecord(db, { passage: secondPassage, exact: "Wages rose.", createdById: desk.reviewer.id, state: "verified", statement: secrets.withdrawn });
    await db.claim.update({ where: { id: withdrawnClaim.id }, data: { verdict: "true" } });

    const { slug } = (await publish(desk.editor, desk.claim.id)).body as Publication;
    const withdrawnSlug = ((await publish(desk.editor, withdrawnClaim.id)).body as Publication).slug;
    await withdraw(desk.editor, withdrawnClaim.id);

    // Another desk publishes too: its fact-check stays on its own addresses.
    const other = await publishingDesk(` ${secrets.otherDesk} was said.`);
    await db.claim.update({ where: { id: other.claim.id }, data: { statement: secrets.otherDesk } });
    await publish(other.editor, other.claim.id);

    const everything = await everyPublicByte(desk.workspaceId, [slug, withdrawnSlug], [desk.passage.id, secondPassage.id], [other.owner, desk.stranger]);
    expect(everything).toContain("The harbour handled 3 million containers in 2024.");
    expect(everything).toContain("Port statistics 2024");
    for (const [name, value] of Object.entries({ ...secrets, assigneeName, reviewerName, editorName: desk.editor.name, ownerEmail: desk.owner.email })) {
      expect(everything, name).not.toContain(value);
    }
    expect(everything).not.toContain("opinion");
    // The report of a passage with no live fact-check, and the feed of a desk that published nothing, do not exist.
    expect(await getPassageReport(secondPassage.id)).toBeNull();
    const empty = await createDesk();
    const emptyFeed = await atomFeedRoute(new Request(`${ORIGIN}/fact-checks/feeds/${empty.workspaceId}/atom.xml`), { params: Promise.resolve({ workspaceId: empty.workspaceId }) });
    expect(emptyFeed.status).toBe(404);
  });
});
