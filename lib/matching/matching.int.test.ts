import { describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute, GET as getClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as borrowRoute } from "@/app/api/v1/claims/[claimId]/evidence/borrow/route";
import { GET as historyRoute } from "@/app/api/v1/claims/[claimId]/history/route";
import { GET as matchesRoute } from "@/app/api/v1/claims/[claimId]/matches/route";
import { GET as duplicatesRoute } from "@/app/api/v1/workspaces/[workspaceId]/duplicates/route";
import type { Claim } from "@/lib/claims/claim.schemas";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord } from "@/lib/fixtures/factories";
import type { BorrowEvidenceResult, ClaimMatches, DuplicateGroups } from "@/lib/matching/matching.schemas";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const SENTENCES = {
  source: "Unemployment fell to 5.1 percent in October.",
  reworded: "Unemployment  FELL to 5.1 percent in October 2025.",
  reordered: "In October, the unemployment rate fell to 5.1 percent, the statistics office said.",
  unrelated: "The harbour handled 4.2 million containers last year.",
};

async function deskWithClaims() {
  const desk = await createDesk();
  const text = Object.values(SENTENCES).join(" ");
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, title: "Jobs report", text });
  const claims = Object.fromEntries(
    await Promise.all(
      Object.entries(SENTENCES).map(async ([name, exact]) => [name, await createClaimRecord(db, { passage, exact, createdById: desk.owner.id })] as const),
    ),
  ) as Record<keyof typeof SENTENCES, { id: string; version: number }>;
  return { ...desk, passage, claims };
}

/** A second passage of the workspace with one claim on `exact`. */
async function claimInNewPassage(workspaceId: string, userId: string, exact: string, extra: { state?: "verified"; label?: "factual" } = {}) {
  const passage = await createPassageRecord(db, { workspaceId, createdById: userId, text: `${exact} More text follows here.` });
  return createClaimRecord(db, { passage, exact, createdById: userId, ...extra });
}

const matches = (as: TestUser, claimId: string, limit?: number) =>
  callRoute(matchesRoute, "GET", `/api/v1/claims/${claimId}/matches${limit ? `?limit=${limit}` : ""}`, { as, params: { claimId } });
const patchClaim = (as: TestUser, claimId: string, body: unknown, version: number) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as, params: { claimId }, body, headers: { "if-match": `"${version}"` } });
const borrow = (as: TestUser, claimId: string, fromClaimId: string) =>
  callRoute(borrowRoute, "POST", `/api/v1/claims/${claimId}/evidence/borrow`, { as, params: { claimId }, body: { fromClaimId } });
const getClaim = async (as: TestUser, claimId: string) =>
  (await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as, params: { claimId } })).body as Claim;

describe("claim matches", () => {
  it("ranks similar statements first with their label, state and verdict note, and leaves out unrelated ones", async () => {
    const { viewer, owner, workspaceId, claims } = await deskWithClaims();
    const verified = await claimInNewPassage(workspaceId, owner.id, "Unemployment fell to 5.1 percent in October, officials say.", { state: "verified", label: "factual" });
    await db.claim.update({ where: { id: verified.id }, data: { verdictNote: "Matches the statistics office release." } });

    const response = await matches(viewer, claims.source.id);
    expect(response.status).toBe(200);
    const items = (response.body as ClaimMatches).items;
    expect(items.map((item) => item.claim.id)).toEqual([claims.reworded.id, verified.id, claims.reordered.id]);
    expect(items[0]?.similarity).toBeGreaterThan(0.8);
    const similarities = items.map((item) => item.similarity);
    expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
    expect(items[1]?.claim).toMatchObject({ label: "factual", state: "verified", verdictNote: "Matches the statistics office release.", evidenceCount: 0 });
    expect(items.some((item) => item.claim.id === claims.unrelated.id || item.claim.id === claims.source.id)).toBe(false);
  });

  it("never returns claims of another workspace, deleted claims, or claims of deleted passages", async () => {
    const { viewer, owner, workspaceId, claims } = await deskWithClaims();
    const other = await deskWithClaims();
    const deleted = await claimInNewPassage(workspaceId, owner.id, SENTENCES.source);
    await db.claim.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const inDeletedPassage = await claimInNewPassage(workspaceId, owner.id, "Unemployment fell to 5.1 percent in October!");
    const { passageId } = await db.claim.findUniqueOrThrow({ where: { id: inDeletedPassage.id }, select: { passageId: true } });
    await db.passage.update({ where: { id: passageId }, data: { deletedAt: new Date() } });

    const ids = ((await matches(viewer, claims.source.id)).body as ClaimMatches).items.map((item) => item.claim.id);
    expect(ids).toEqual([claims.reworded.id, claims.reordered.id]);
    expect(ids).not.toContain(other.claims.source.id);
    expect((await matches(other.viewer, claims.source.id)).status).toBe(404);
    expect((await matches(viewer, claims.source.id, 1)).body).toMatchObject({ items: [{ claim: { id: claims.reworded.id } }] });
  });
});

describe("marking a claim as a duplicate", () => {
  it("links through the claim update (reviewer and up, audited), and refuses itself, loops and other workspaces", async () => {
    const { reviewer, viewer, editor, claims } = await deskWithClaims();
    const other = await deskWithClaims();
    expect((await patchClaim(viewer, claims.reworded.id, { duplicateOfId: claims.source.id }, 1)).status).toBe(403);
    expect((await patchClaim(reviewer, claims.reworded.id, { duplicateOfId: other.claims.source.id }, 1)).status).toBe(404);
    expect((await patchClaim(reviewer, claims.reworded.id, { duplicateOfId: "missing-claim" }, 1)).status).toBe(404);
    expect((await patchClaim(reviewer, claims.reworded.id, { duplicateOfId: claims.reworded.id }, 1)).status).toBe(400);

    const linked = await patchClaim(reviewer, claims.reworded.id, { duplicateOfId: claims.source.id }, 1);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ duplicateOfId: claims.source.id, version: 2 });
    const loop = await patchClaim(reviewer, claims.source.id, { duplicateOfId: claims.reworded.id }, 1);
    expect(loop.status).toBe(409);
    expect(loop.body).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("already marked as a duplicate of this one") } });

    const history = await callRoute(historyRoute, "GET", `/api/v1/claims/${claims.reworded.id}/history`, { as: editor, params: { claimId: claims.reworded.id } });
    expect((history.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ field: "duplicateOfId", before: null, after: claims.source.id, actor: { id: reviewer.id, name: reviewer.name } }),
    );
    expect((await patchClaim(reviewer, claims.reworded.id, { duplicateOfId: null }, 2)).body).toMatchObject({ duplicateOfId: null, version: 3 });
  });
});

describe("borrowing evidence from a verified match", () => {
  async function deskWithVerifiedMatch() {
    const desk = await deskWithClaims();
    const verified = await claimInNewPassage(desk.workspaceId, desk.owner.id, "Unemployment fell to 5.1 percent in October, officials say.", { state: "verified", label: "factual" });
    const evidence = { workspaceId: desk.workspaceId, claimId: verified.id, createdById: desk.owner.id };
    await linkWebEvidenceRecord(db, { ...evidence, url: "https://stats.example.org/october", title: "October release", stance: "supports", note: "Table 1" });
    await linkWebEvidenceRecord(db, { ...evidence, url: "https://news.example.org/jobs", title: "Jobs coverage", stance: "context" });
    return { ...desk, verified };
  }

  it("copies the links with stance and note in one audited step, skipping evidence the claim already has", async () => {
    const { reviewer, editor, owner, workspaceId, claims, verified } = await deskWithVerifiedMatch();
    await linkWebEvidenceRecord(db, { workspaceId, claimId: claims.source.id, createdById: owner.id, url: "https://news.example.org/jobs", title: "Jobs coverage", stance: "refutes" });

    const first = await borrow(reviewer, claims.source.id, verified.id);
    expect(first.status).toBe(200);
    const result = first.body as BorrowEvidenceResult;
    expect(result.skippedCount).toBe(1);
    expect(result.items).toEqual([expect.objectContaining({ stance: "supports", note: "Table 1", evidence: expect.objectContaining({ url: "https://stats.example.org/october" }) })]);

    const again = await borrow(reviewer, claims.source.id, verified.id);
    expect(again.body).toEqual({ items: [], skippedCount: 2 });
    const claim = await getClaim(editor, claims.source.id);
    expect(claim.evidence.map((link) => [link.evidence.url, link.stance])).toEqual([
      ["https://news.example.org/jobs", "refutes"],
      ["https://stats.example.org/october", "supports"],
    ]);
    const history = await callRoute(historyRoute, "GET", `/api/v1/claims/${claims.source.id}/history`, { as: editor, params: { claimId: claims.source.id } });
    expect((history.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ action: "evidence.linked", after: expect.objectContaining({ borrowedFromClaimId: verified.id }) }),
    );
  });

  it("answers 404 for another workspace's claim, 409 for an unverified one, 403 for viewers, 404 for strangers", async () => {
    const { reviewer, viewer, stranger, claims, verified } = await deskWithVerifiedMatch();
    const other = await deskWithVerifiedMatch();
    expect((await borrow(reviewer, claims.source.id, other.verified.id)).status).toBe(404);
    expect((await borrow(other.reviewer, other.claims.source.id, verified.id)).status).toBe(404);
    const unverified = await borrow(reviewer, claims.source.id, claims.reworded.id);
    expect(unverified.status).toBe(409);
    expect(unverified.body).toMatchObject({ error: { message: expect.stringContaining("Only a verified claim") } });
    expect((await borrow(reviewer, claims.source.id, claims.source.id)).status).toBe(400);
    expect((await borrow(viewer, claims.source.id, verified.id)).status).toBe(403);
    expect((await borrow(stranger, claims.source.id, verified.id)).status).toBe(404);
    expect(await db.claimEvidence.count({ where: { claimId: claims.source.id } })).toBe(0);
  });
});

describe("duplicates view", () => {
  it("groups near-identical statements across passages with claims linked by hand, per workspace", async () => {
    const { viewer, stranger, reviewer, owner, workspaceId, claims } = await deskWithClaims();
    const other = await deskWithClaims();
    const copy = await claimInNewPassage(workspaceId, owner.id, "Unemployment fell to 5.1 percent in October");
    const harbourCopy = await claimInNewPassage(workspaceId, owner.id, "Container traffic at the harbour rose last year.");
    expect((await patchClaim(reviewer, harbourCopy.id, { duplicateOfId: claims.unrelated.id }, 1)).status).toBe(200);

    const response = await callRoute(duplicatesRoute, "GET", `/api/v1/workspaces/${workspaceId}/duplicates`, { as: viewer, params: { workspaceId } });
    expect(response.status).toBe(200);
    const { items, scannedClaimCount } = response.body as DuplicateGroups;
    expect(scannedClaimCount).toBe(6);
    const groups = items.map((group) => group.claims.map((claim) => claim.id).sort());
    expect(groups).toEqual([[claims.source.id, claims.reworded.id, copy.id].sort(), [claims.unrelated.id, harbourCopy.id].sort()]);
    expect(items[0]?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(items[1]?.similarity).toBeNull();
    const otherIds = new Set(Object.values(other.claims).map((claim) => claim.id));
    expect(items.flatMap((group) => group.claims).some((claim) => claim.workspaceId !== workspaceId || otherIds.has(claim.id))).toBe(false);
    expect((await callRoute(duplicatesRoute, "GET", `/api/v1/workspaces/${workspaceId}/duplicates`, { as: stranger, params: { workspaceId } })).status).toBe(404);
  });
});
