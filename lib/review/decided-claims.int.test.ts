import { describe, expect, it } from "vitest";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { DELETE as removeEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/[linkId]/route";
import { POST as borrowRoute } from "@/app/api/v1/claims/[claimId]/evidence/borrow/route";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { POST as bulkRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/bulk/route";
import { PATCH as patchWorkspaceRoute } from "@/app/api/v1/workspaces/[workspaceId]/route";
import type { BulkUpdateResult, Claim } from "@/lib/claims/claim.schemas";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import type { ReviewState } from "@/lib/generated/prisma/enums";
import type { Workspace } from "@/lib/workspaces/workspace.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent.";
const QUOTE = "Unemployment fell to 5.1 percent in October.";

type Desk = Awaited<ReturnType<typeof createDesk>>;

async function decidedClaim(desk: Desk, state: ReviewState = "verified") {
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} ${uniqueSuffix()}` });
  const claim = await createClaimRecord(db, { passage, exact: QUOTE, createdById: desk.reviewer.id, label: "factual", state, verdict: "true", verdictNote: "Matches the bureau's figures." });
  const link = await linkWebEvidenceRecord(db, {
    workspaceId: desk.workspaceId,
    claimId: claim.id,
    createdById: desk.reviewer.id,
    url: `https://example.org/jobs-${uniqueSuffix()}`,
    title: "Jobs report",
    stance: "supports",
  });
  return { claim, linkId: link.id, passage };
}

const patchClaim = (as: TestUser, claimId: string, body: unknown, version: number) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as, params: { claimId }, body, headers: { "if-match": `"${version}"` } });
const addEvidence = (as: TestUser, claimId: string, body: unknown) =>
  callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${claimId}/evidence`, { as, params: { claimId }, body });
const removeEvidence = (as: TestUser, claimId: string, linkId: string) =>
  callRoute(removeEvidenceRoute, "DELETE", `/api/v1/claims/${claimId}/evidence/${linkId}`, { as, params: { claimId, linkId } });
const stored = (claimId: string) =>
  db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { state: true, label: true, statement: true, verdictNote: true, version: true, lastEditedById: true, evidence: { where: { deletedAt: null }, select: { id: true } } },
  });
const stateEvents = (claimId: string) =>
  db.auditEvent.findMany({ where: { claimId, action: "claim.state_changed" }, select: { actorId: true, before: true, after: true } });

describe("a decided claim stays decided", () => {
  it("refuses the reviewer attack seen in the field: relabel and rewrite (403), then unlink evidence (403); nothing changes", async () => {
    const desk = await createDesk();
    const { claim, linkId } = await decidedClaim(desk);
    const before = await stored(claim.id);

    const patch = await patchClaim(desk.reviewer, claim.id, { label: null, statement: "Unemployment rose." }, claim.version);
    expect(patch.status).toBe(403);
    expect(patch.body).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/editors or owners can change them, which reopens/) } });
    const unlink = await removeEvidence(desk.reviewer, claim.id, linkId);
    expect(unlink.status).toBe(403);
    expect(unlink.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("editors or owners") } });

    expect(await stored(claim.id)).toEqual(before);
    expect(await stateEvents(claim.id)).toEqual([]);
  });

  it.each(["verified", "rejected"] as const)("refuses a reviewer every content change of a %s claim, one field or link at a time", async (state) => {
    const desk = await createDesk();
    const { claim, linkId } = await decidedClaim(desk, state);
    for (const body of [{ label: "opinion" }, { statement: "Rewritten." }, { verdictNote: "Changed my mind." }, { verdictNote: null }]) {
      expect((await patchClaim(desk.reviewer, claim.id, body, claim.version)).status, JSON.stringify(body)).toBe(403);
    }
    expect((await addEvidence(desk.reviewer, claim.id, { url: "https://example.org/other", stance: "refutes" })).status).toBe(403);
    expect((await removeEvidence(desk.reviewer, claim.id, linkId)).status).toBe(403);
    const after = await stored(claim.id);
    expect(after).toMatchObject({ state, label: "factual", version: claim.version, evidence: [{ id: linkId }] });
    expect(await db.evidence.count({ where: { workspaceId: desk.workspaceId, url: "https://example.org/other" } })).toBe(0);
  });

  it("answers a reviewer's PATCH that changes nothing with 200, leaving the claim verified", async () => {
    const desk = await createDesk();
    const { claim } = await decidedClaim(desk);
    const same = await patchClaim(desk.reviewer, claim.id, { label: "factual" }, claim.version);
    expect(same.status).toBe(200);
    expect((same.body as Claim).state).toBe("verified");
  });

  it("lets an editor change a verified claim's label, statement or verdict note, moving it back to in review in the same change, audited", async () => {
    const desk = await createDesk();
    const { claim } = await decidedClaim(desk);
    const response = await patchClaim(desk.editor, claim.id, { label: "disputed", verdictNote: "New figures disagree." }, claim.version);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ state: "in_review", label: "disputed", version: claim.version + 1 });
    expect(await stateEvents(claim.id)).toEqual([{ actorId: desk.editor.id, before: "verified", after: "in_review" }]);

    // Deciding it again is an ordinary verification.
    const again = await patchClaim(desk.owner, claim.id, { state: "verified" }, claim.version + 1);
    expect(again.status).toBe(200);
  });

  it("reopens a decided claim when an editor adds, removes or borrows evidence, audited as a state change", async () => {
    const desk = await createDesk();
    const added = await decidedClaim(desk);
    const add = await addEvidence(desk.editor, added.claim.id, { url: `https://example.org/${uniqueSuffix()}`, stance: "context" });
    expect(add.status).toBe(201);
    expect(await stored(added.claim.id)).toMatchObject({ state: "in_review", version: added.claim.version + 1 });

    const removed = await decidedClaim(desk, "rejected");
    expect((await removeEvidence(desk.owner, removed.claim.id, removed.linkId)).status).toBe(204);
    expect(await stored(removed.claim.id)).toMatchObject({ state: "in_review", evidence: [] });

    const borrower = await decidedClaim(desk);
    const source = await decidedClaim(desk);
    const borrow = await callRoute(borrowRoute, "POST", `/api/v1/claims/${borrower.claim.id}/evidence/borrow`, {
      as: desk.editor,
      params: { claimId: borrower.claim.id },
      body: { fromClaimId: source.claim.id },
    });
    expect(borrow.status).toBe(200);
    expect(await stored(borrower.claim.id)).toMatchObject({ state: "in_review", evidence: [expect.anything(), expect.anything()] });
    for (const claimId of [added.claim.id, removed.claim.id, borrower.claim.id]) {
      expect(await stateEvents(claimId)).toEqual([expect.objectContaining({ after: "in_review" })]);
    }
  });

  it("refuses a reviewer borrowing evidence into a verified claim", async () => {
    const desk = await createDesk();
    const { claim } = await decidedClaim(desk);
    const source = await decidedClaim(desk);
    const borrow = await callRoute(borrowRoute, "POST", `/api/v1/claims/${claim.id}/evidence/borrow`, {
      as: desk.reviewer,
      params: { claimId: claim.id },
      body: { fromClaimId: source.claim.id },
    });
    expect(borrow.status).toBe(403);
    expect((await stored(claim.id)).evidence).toHaveLength(1);
  });

  it("applies the same rule to bulk changes, item by item", async () => {
    const desk = await createDesk();
    const { claim } = await decidedClaim(desk);
    const bulk = (as: TestUser) =>
      callRoute(bulkRoute, "POST", `/api/v1/workspaces/${desk.workspaceId}/claims/bulk`, {
        as,
        params: { workspaceId: desk.workspaceId },
        body: { claimIds: [claim.id], changes: { label: "opinion" } },
      });
    const byReviewer = await bulk(desk.reviewer);
    expect((byReviewer.body as BulkUpdateResult).results).toEqual([{ claimId: claim.id, ok: false, error: expect.objectContaining({ code: "forbidden" }) }]);
    const byEditor = await bulk(desk.editor);
    expect((byEditor.body as BulkUpdateResult).results).toEqual([expect.objectContaining({ ok: true, claim: expect.objectContaining({ state: "in_review", label: "opinion" }) })]);
  });
});

describe("verification needs a second person", () => {
  async function deskRequiringSecondPerson() {
    const desk = await createDesk();
    const setting = await callRoute(patchWorkspaceRoute, "PATCH", `/api/v1/workspaces/${desk.workspaceId}`, {
      as: desk.owner,
      params: { workspaceId: desk.workspaceId },
      body: { isSecondVerifierRequired: true },
    });
    expect(setting.status).toBe(200);
    expect((setting.body as Workspace).isSecondVerifierRequired).toBe(true);
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} ${uniqueSuffix()}` });
    return { ...desk, passage };
  }

  const createClaim = (as: TestUser, passageId: string) =>
    callRoute(createClaimRoute, "POST", `/api/v1/passages/${passageId}/claims`, { as, params: { passageId }, body: { exact: QUOTE, label: "opinion" } });

  it("is off by default, switched by owners only, and audited", async () => {
    const desk = await createDesk();
    expect(await db.workspace.findUniqueOrThrow({ where: { id: desk.workspaceId }, select: { isSecondVerifierRequired: true } })).toEqual({ isSecondVerifierRequired: false });
    const byEditor = await callRoute(patchWorkspaceRoute, "PATCH", `/api/v1/workspaces/${desk.workspaceId}`, {
      as: desk.editor,
      params: { workspaceId: desk.workspaceId },
      body: { isSecondVerifierRequired: true },
    });
    expect(byEditor.status).toBe(403);
    await callRoute(patchWorkspaceRoute, "PATCH", `/api/v1/workspaces/${desk.workspaceId}`, {
      as: desk.owner,
      params: { workspaceId: desk.workspaceId },
      body: { isSecondVerifierRequired: true },
    });
    expect(await db.auditEvent.findMany({ where: { workspaceId: desk.workspaceId, field: "isSecondVerifierRequired" }, select: { before: true, after: true } })).toEqual([
      { before: false, after: true },
    ]);
  });

  it("refuses the claim's creator (409), then accepts another editor", async () => {
    const desk = await deskRequiringSecondPerson();
    const created = (await createClaim(desk.editor, desk.passage.id)).body as Claim;
    const submitted = (await patchClaim(desk.editor, created.id, { state: "in_review" }, created.version)).body as Claim;
    const own = await patchClaim(desk.editor, created.id, { state: "verified" }, submitted.version);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ error: { code: "conflict", message: expect.stringMatching(/second person.*you created this claim.*another editor or owner/) } });
    expect((await patchClaim(desk.owner, created.id, { state: "verified" }, submitted.version)).status).toBe(200);
  });

  it("refuses whoever last changed the label or statement, even in the same request, but not someone who only wrote the verdict note", async () => {
    const desk = await deskRequiringSecondPerson();
    const created = (await createClaim(desk.reviewer, desk.passage.id)).body as Claim;
    const relabelled = (await patchClaim(desk.editor, created.id, { label: "factual", verdict: "true", state: "in_review" }, created.version)).body as Claim;
    expect(relabelled.label).toBe("factual");
    await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: created.id, createdById: desk.reviewer.id, url: `https://example.org/${uniqueSuffix()}`, title: "Source", stance: "supports" });
    const byEditor = await patchClaim(desk.editor, created.id, { state: "verified" }, relabelled.version);
    expect(byEditor.status).toBe(409);
    expect(byEditor.body).toMatchObject({ error: { message: expect.stringContaining("you last changed its label or statement") } });
    expect(await db.claim.findUniqueOrThrow({ where: { id: created.id }, select: { lastEditedById: true } })).toEqual({ lastEditedById: desk.editor.id });

    const inOneGo = await patchClaim(desk.owner, created.id, { statement: "Joblessness fell to 5.1 percent.", state: "verified" }, relabelled.version);
    expect(inOneGo.status).toBe(409);

    const noted = (await patchClaim(desk.owner, created.id, { verdictNote: "Checked against the bureau." }, relabelled.version)).body as Claim;
    expect((await patchClaim(desk.owner, created.id, { state: "verified" }, noted.version)).status).toBe(200);
  });

  it("lets the creator verify when the setting is off", async () => {
    const desk = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
    const created = (await createClaim(desk.editor, passage.id)).body as Claim;
    const submitted = (await patchClaim(desk.editor, created.id, { state: "in_review" }, created.version)).body as Claim;
    expect((await patchClaim(desk.editor, created.id, { state: "verified" }, submitted.version)).status).toBe(200);
  });
});

describe("who decided a claim", () => {
  const decision = (claimId: string) => db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { decidedById: true, decidedAt: true } });

  it("stores the decider and time on verify and reject, and clears them when the claim reopens, by PATCH or by an evidence change", async () => {
    const desk = await createDesk();
    const { claim } = await decidedClaim(desk, "in_review");
    expect(await decision(claim.id)).toEqual({ decidedById: null, decidedAt: null });

    expect((await patchClaim(desk.editor, claim.id, { state: "verified" }, claim.version)).status).toBe(200);
    const verified = await decision(claim.id);
    expect(verified).toEqual({ decidedById: desk.editor.id, decidedAt: expect.any(Date) });

    expect((await patchClaim(desk.owner, claim.id, { state: "in_review" }, claim.version + 1)).status).toBe(200);
    expect(await decision(claim.id)).toEqual({ decidedById: null, decidedAt: null });

    expect((await patchClaim(desk.owner, claim.id, { state: "rejected" }, claim.version + 2)).status).toBe(200);
    expect(await decision(claim.id)).toEqual({ decidedById: desk.owner.id, decidedAt: expect.any(Date) });

    expect((await addEvidence(desk.editor, claim.id, { url: `https://example.org/${uniqueSuffix()}`, stance: "context" })).status).toBe(201);
    expect(await decision(claim.id)).toEqual({ decidedById: null, decidedAt: null });
  });
});
