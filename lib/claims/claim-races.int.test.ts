import { describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { createClaimRecord, createPassageRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

// Concurrent requests fired together with Promise.all: the database decides who wins, and the
// outcome must be the same as if they had come one after another.

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent.";
const QUOTE = "Unemployment fell to 5.1 percent in October.";

type Desk = Awaited<ReturnType<typeof createDesk>>;

async function newClaim(desk: Desk) {
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} ${uniqueSuffix()}` });
  return createClaimRecord(db, { passage, exact: QUOTE, createdById: desk.reviewer.id });
}

const addEvidence = (as: TestUser, claimId: string, url: string) =>
  callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${claimId}/evidence`, { as, params: { claimId }, body: { url, stance: "supports", title: "Jobs report" } });
const markDuplicate = (as: TestUser, claim: { id: string; version: number }, duplicateOfId: string) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, {
    as,
    params: { claimId: claim.id },
    body: { duplicateOfId },
    headers: { "if-match": `"${claim.version}"` },
  });

describe("concurrent evidence links", () => {
  it("links one new URL to a claim once when ten requests race: one 201, nine 409 naming that link, no 500", async () => {
    const desk = await createDesk();
    const claim = await newClaim(desk);
    const url = `https://example.org/race-${uniqueSuffix()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => addEvidence(desk.reviewer, claim.id, url)));

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    const links = await db.claimEvidence.findMany({ where: { claimId: claim.id, deletedAt: null }, select: { id: true } });
    expect(links).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.body).toMatchObject({ error: { code: "conflict", details: { linkId: links[0]?.id } } });
    }
    expect(await db.evidence.count({ where: { workspaceId: desk.workspaceId, url } })).toBe(1);
  });

  it("links one span of another passage to a claim once, one request after another or five at once: 409s naming the link", async () => {
    const desk = await createDesk();
    const claim = await newClaim(desk);
    const source = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `The statistics office reported 5.1 percent. ${uniqueSuffix()}` });
    const span = { passageId: source.id, start: 0, end: 42, stance: "supports" };
    const addSpan = () => callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${claim.id}/evidence`, { as: desk.reviewer, params: { claimId: claim.id }, body: span });
    expect((await addSpan()).status).toBe(201);
    const answers = [await addSpan(), ...(await Promise.all(Array.from({ length: 5 }, addSpan)))];
    const links = await db.claimEvidence.findMany({ where: { claimId: claim.id, deletedAt: null }, select: { id: true } });
    expect(links).toHaveLength(1);
    for (const answer of answers) expect(answer.body).toMatchObject({ error: { code: "conflict", details: { linkId: links[0]?.id } } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).evidenceCount).toBe(1);
  });

  it("makes one evidence record when ten claims link the same new URL at once, each claim linked", async () => {
    const desk = await createDesk();
    const claims = await Promise.all(Array.from({ length: 10 }, () => newClaim(desk)));
    const url = `https://example.org/shared-${uniqueSuffix()}`;
    const answers = await Promise.all(claims.map((claim) => addEvidence(desk.reviewer, claim.id, url)));

    expect(answers.map((answer) => answer.status)).toEqual(Array<number>(10).fill(201));
    expect(await db.evidence.count({ where: { workspaceId: desk.workspaceId, url } })).toBe(1);
    expect(await db.claimEvidence.count({ where: { claimId: { in: claims.map((claim) => claim.id) }, deletedAt: null } })).toBe(10);
  });

  it("links the same evidence again after it was unlinked (the uniqueness covers live links only)", async () => {
    const desk = await createDesk();
    const claim = await newClaim(desk);
    const url = `https://example.org/again-${uniqueSuffix()}`;
    const first = await addEvidence(desk.reviewer, claim.id, url);
    await db.claimEvidence.update({ where: { id: (first.body as { id: string }).id }, data: { deletedAt: new Date() } });
    expect((await addEvidence(desk.reviewer, claim.id, url)).status).toBe(201);
  });
});

describe("concurrent duplicate links", () => {
  it("never makes a loop when A is marked a duplicate of B and B of A at the same time: one 200, one 409", async () => {
    const desk = await createDesk();
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([newClaim(desk), newClaim(desk)]);
      const answers = await Promise.all([markDuplicate(desk.reviewer, a, b.id), markDuplicate(desk.editor, b, a.id)]);

      expect(answers.map((answer) => answer.status).sort(), `round ${round}`).toEqual([200, 409]);
      const stored = await db.claim.findMany({ where: { id: { in: [a.id, b.id] } }, select: { duplicateOfId: true } });
      expect(stored.filter((claim) => claim.duplicateOfId !== null), `round ${round}`).toHaveLength(1);
    }
  });

  it("never closes a longer loop under concurrency either: A→B, B→C, C→A at once leave at least one refused", async () => {
    const desk = await createDesk();
    const [a, b, c] = await Promise.all([newClaim(desk), newClaim(desk), newClaim(desk)]);
    const answers = await Promise.all([markDuplicate(desk.reviewer, a, b.id), markDuplicate(desk.editor, b, c.id), markDuplicate(desk.owner, c, a.id)]);

    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
  });
});
