import { describe, expect, it } from "vitest";
import { GET as blindLabelRoute, PUT as putBlindLabelRoute } from "@/app/api/v1/claims/[claimId]/blind-label/route";
import { GET as historyRoute } from "@/app/api/v1/claims/[claimId]/history/route";
import { PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as getClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as passageClaimsRoute, POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { GET as workspaceClaimsRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/route";
import { GET as searchRoute } from "@/app/api/v1/workspaces/[workspaceId]/search/route";
import { POST as acceptSuggestionsRoute } from "@/app/api/v1/passages/[passageId]/suggestions/accept/route";
import { GET as agreementRoute } from "@/app/api/v1/workspaces/[workspaceId]/agreement/route";
import { GET as blindReviewRoute } from "@/app/api/v1/workspaces/[workspaceId]/blind-review/route";
import { PATCH as patchWorkspaceRoute } from "@/app/api/v1/workspaces/[workspaceId]/route";
import { POST as createViewRoute } from "@/app/api/v1/workspaces/[workspaceId]/views/route";
import type { AgreementReport } from "@/lib/agreement/agreement.schemas";
import { addMemberRecord, createClaimRecord, createPassageRecord, createUserRecord } from "@/lib/fixtures/factories";
import type { BlindLabels, BlindReviewItem } from "@/lib/review/blind-review.schemas";
import { downloadExport } from "@/lib/exports/exports.int-helpers";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

const TEXT = "Bus fares rose 12 percent. Ridership fell by a third. The mayor called the plan a triumph.";

async function blindDesk() {
  const desk = await createDesk();
  const secondReviewer = await createUserRecord(db, { name: "Second Reviewer" });
  await addMemberRecord(db, { workspaceId: desk.workspaceId, userId: secondReviewer.id, role: "reviewer" });
  const turnedOn = await callRoute(patchWorkspaceRoute, "PATCH", `/api/v1/workspaces/${desk.workspaceId}`, {
    as: desk.owner,
    params: { workspaceId: desk.workspaceId },
    body: { isBlindReview: true },
  });
  expect(turnedOn.status).toBe(200);
  expect(turnedOn.body).toMatchObject({ isBlindReview: true });
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT, title: "Transit" });
  const claims = await Promise.all(
    ["Bus fares rose 12 percent.", "Ridership fell by a third.", "The mayor called the plan a triumph."].map((exact) =>
      createClaimRecord(db, { passage, exact, createdById: desk.reviewer.id }),
    ),
  );
  return { ...desk, secondReviewer, passage, claims };
}

const vote = (as: TestUser, claimId: string, label: string) =>
  callRoute(putBlindLabelRoute, "PUT", `/api/v1/claims/${claimId}/blind-label`, { as, params: { claimId }, body: { label } });
const setLabel = (as: TestUser, claimId: string, label: string, version: number) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as, params: { claimId }, body: { label }, headers: { "if-match": `"${version}"` } });
const votesSeenBy = async (as: TestUser, claimId: string) =>
  (await callRoute(blindLabelRoute, "GET", `/api/v1/claims/${claimId}/blind-label`, { as, params: { claimId } })).body as BlindLabels;

describe("blind double review", () => {
  it("refuses a vote on a verified claim with a message that says why and what would reopen it", async () => {
    const { reviewer, passage } = await blindDesk();
    const closed = await createClaimRecord(db, { passage, exact: "Bus fares rose 12 percent.", createdById: reviewer.id, label: "opinion", state: "verified" });
    const refused = await vote(reviewer, closed.id, "factual");
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("This claim is already verified, so it takes no more votes; an editor would have to reopen it first.");
  });

  it("shows a reviewer no final label on any read path until an editor sets it, then shows it to both", async () => {
    const { reviewer, secondReviewer, editor, workspaceId, owner } = await blindDesk();
    const passage = await createPassageRecord(db, {
      workspaceId,
      createdById: owner.id,
      title: "Depot",
      text: "The city spent 4.2 million dollars on the new depot in 2023.",
    });
    const accepted = await callRoute(acceptSuggestionsRoute, "POST", `/api/v1/passages/${passage.id}/suggestions/accept`, {
      as: reviewer,
      params: { passageId: passage.id },
      body: { minScore: 0 },
    });
    expect(accepted.status).toBe(201);
    const claim = (accepted.body as { items: { id: string; version: number }[] }).items[0];
    if (!claim) throw new Error("no claim");
    expect((await vote(reviewer, claim.id, "factual")).status).toBe(200);
    expect((await vote(secondReviewer, claim.id, "opinion")).status).toBe(200);

    async function labelsSeenBy(as: TestUser) {
      const one = await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claim?.id}`, { as, params: { claimId: claim?.id ?? "" } });
      const inPassage = await callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passage.id}/claims`, { as, params: { passageId: passage.id } });
      const inWorkspace = await callRoute(workspaceClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims?passageId=${passage.id}`, { as, params: { workspaceId } });
      const found = await callRoute(searchRoute, "GET", `/api/v1/workspaces/${workspaceId}/search?q=depot`, { as, params: { workspaceId } });
      for (const response of [one, inPassage, inWorkspace, found]) expect(response.status).toBe(200);
      const pick = (body: unknown) => ((body as { items: { id: string; label?: unknown }[] }).items.find((item) => item.id === claim?.id) ?? {}) as { label?: unknown };
      const bodies = JSON.stringify([one.body, inPassage.body, inWorkspace.body, found.body]);
      return {
        labels: [(one.body as { label: unknown }).label, pick(inPassage.body).label, pick(inWorkspace.body).label, pick(found.body).label ?? null],
        mentionsOtherVote: bodies.includes(as.id === reviewer.id ? "opinion" : "factual"),
      };
    }
    expect(await labelsSeenBy(reviewer)).toEqual({ labels: [null, null, null, null], mentionsOtherVote: false });
    expect(await labelsSeenBy(secondReviewer)).toEqual({ labels: [null, null, null, null], mentionsOtherVote: false });
    expect(await votesSeenBy(reviewer, claim.id)).toEqual({ isBlindReview: true, myLabel: "factual", labels: null });

    const decided = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claim.id}`, {
      as: editor,
      params: { claimId: claim.id },
      body: { label: "factual" },
      headers: { "if-match": `"${claim.version}"` },
    });
    expect(decided.status).toBe(200);
    for (const as of [reviewer, secondReviewer]) {
      const seen = await labelsSeenBy(as);
      expect(seen.labels.slice(0, 3)).toEqual(["factual", "factual", "factual"]);
    }
  });

  it("hides a label set before blind review was switched on from a reviewer until an editor confirms it as the final label", async () => {
    const { owner, editor, reviewer, viewer, workspaceId } = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId, createdById: owner.id, text: TEXT, title: "Before" });
    const [byReviewer, byEditor] = await Promise.all(
      ["Bus fares rose 12 percent.", "Ridership fell by a third."].map((exact) => createClaimRecord(db, { passage, exact, createdById: reviewer.id })),
    );
    if (!byReviewer || !byEditor) throw new Error("no claims");
    expect((await setLabel(reviewer, byReviewer.id, "opinion", 1)).status).toBe(200);
    expect((await setLabel(editor, byEditor.id, "factual", 1)).status).toBe(200);
    const turnedOn = await callRoute(patchWorkspaceRoute, "PATCH", `/api/v1/workspaces/${workspaceId}`, { as: owner, params: { workspaceId }, body: { isBlindReview: true } });
    expect(turnedOn.status).toBe(200);

    async function labelsSeenBy(as: TestUser, claimId: string) {
      const one = await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as, params: { claimId } });
      const inPassage = await callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passage.id}/claims`, { as, params: { passageId: passage.id } });
      const inWorkspace = await callRoute(workspaceClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims?passageId=${passage.id}`, { as, params: { workspaceId } });
      for (const response of [one, inPassage, inWorkspace]) expect(response.status).toBe(200);
      const pick = (body: unknown) => (body as { items: { id: string; label: unknown }[] }).items.find((item) => item.id === claimId)?.label;
      return [(one.body as { label: unknown }).label, pick(inPassage.body), pick(inWorkspace.body)];
    }
    for (const as of [reviewer, viewer]) {
      expect(await labelsSeenBy(as, byReviewer.id)).toEqual([null, null, null]);
      expect(await labelsSeenBy(as, byEditor.id)).toEqual(["factual", "factual", "factual"]);
    }
    expect(await labelsSeenBy(editor, byReviewer.id)).toEqual(["opinion", "opinion", "opinion"]);
    const exportedLabels = async (as: TestUser, query: Record<string, string> = {}) => {
      const response = await downloadExport(as, workspaceId, { format: "jsonl", state: "all", ...query });
      expect(response.status).toBe(200);
      const lines = response.text.trimEnd().split("\n").map((line) => JSON.parse(line) as { id?: string; label?: unknown });
      return Object.fromEntries(lines.filter((line) => line.id === byReviewer.id || line.id === byEditor.id).map((line) => [line.id, line.label]));
    };
    const history = await callRoute(historyRoute, "GET", `/api/v1/claims/${byReviewer.id}/history`, { as: viewer, params: { claimId: byReviewer.id } });
    expect(JSON.stringify(history.body)).not.toContain("opinion");
    const filtered = await callRoute(workspaceClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims?label=opinion`, { as: reviewer, params: { workspaceId } });
    expect((filtered.body as { items: unknown[] }).items).toEqual([]);
    // The order of a sort by label would give the hidden labels away.
    const byLabel = (as: TestUser) => callRoute(workspaceClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims?sort=label`, { as, params: { workspaceId } });
    for (const as of [reviewer, viewer]) {
      const refused = await byLabel(as);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { message: expect.stringContaining("blind double review") } });
    }
    expect((await byLabel(editor)).status).toBe(200);
    const view = await callRoute(createViewRoute, "POST", `/api/v1/workspaces/${workspaceId}/views`, {
      as: reviewer,
      params: { workspaceId },
      body: { name: "Opinions", filter: { label: "opinion" } },
    });
    expect(view.status).toBe(201);
    expect(view.body).toMatchObject({ claimCount: 0 });
    expect(await exportedLabels(viewer)).toEqual({ [byReviewer.id]: null, [byEditor.id]: "factual" });
    expect(await exportedLabels(viewer, { label: "opinion" })).toEqual({});
    expect(await exportedLabels(editor, { label: "opinion" })).toEqual({ [byReviewer.id]: "opinion" });

    // The editor sends the label the claim already has: that confirms it as the final one.
    const confirmed = await setLabel(editor, byReviewer.id, "opinion", 2);
    expect(confirmed.status).toBe(200);
    expect(await labelsSeenBy(reviewer, byReviewer.id)).toEqual(["opinion", "opinion", "opinion"]);
  });

  it("names who set the final label from the claim itself, not from the history", async () => {
    const { reviewer, secondReviewer, editor, workspaceId, claims } = await blindDesk();
    const claim = claims[0];
    if (!claim) throw new Error("no claim");
    await vote(reviewer, claim.id, "factual");
    await vote(secondReviewer, claim.id, "opinion");
    expect((await setLabel(editor, claim.id, "factual", 1)).status).toBe(200);
    await db.auditEvent.deleteMany({ where: { claimId: claim.id } });
    const list = await callRoute(blindReviewRoute, "GET", `/api/v1/workspaces/${workspaceId}/blind-review?isDecided=true`, { as: editor, params: { workspaceId } });
    expect((list.body as { items: BlindReviewItem[] }).items).toMatchObject([{ claim: { id: claim.id, label: "factual" }, decidedBy: { id: editor.id, name: editor.name } }]);
  });

  it("lets no label reach a new claim except an editor's: accepted suggestions arrive unlabelled, a reviewer's label is refused", async () => {
    const { reviewer, editor, workspaceId, owner } = await blindDesk();
    const passage = await createPassageRecord(db, {
      workspaceId,
      createdById: owner.id,
      title: "Budget",
      text: "The city spent 4.2 million dollars on the new depot in 2023. The council raised the property tax by 3 percent last year.",
    });
    const accepted = await callRoute(acceptSuggestionsRoute, "POST", `/api/v1/passages/${passage.id}/suggestions/accept`, {
      as: reviewer,
      params: { passageId: passage.id },
      body: { minScore: 0 },
    });
    expect(accepted.status).toBe(201);
    const acceptedClaims = (accepted.body as { items: { label: string | null }[] }).items;
    expect(acceptedClaims.length).toBeGreaterThan(0);
    expect(acceptedClaims.map((claim) => claim.label)).toEqual(acceptedClaims.map(() => null));

    const other = await createPassageRecord(db, { workspaceId, createdById: owner.id, title: "Other", text: TEXT });
    const create = (as: TestUser, exact: string) =>
      callRoute(createClaimRoute, "POST", `/api/v1/passages/${other.id}/claims`, { as, params: { passageId: other.id }, body: { exact, label: "factual" } });
    const byReviewer = await create(reviewer, "Ridership fell by a third.");
    expect(byReviewer.status).toBe(409);
    expect(JSON.stringify(byReviewer.body)).toContain("an editor sets the final label");
    const byEditor = await create(editor, "Bus fares rose 12 percent.");
    expect(byEditor.status).toBe(201);
    expect(byEditor.body).toMatchObject({ label: "factual" });
  });

  it("keeps each reviewer's vote from the other, in the votes and in the history, while editors see both", async () => {
    const { reviewer, secondReviewer, editor, claims } = await blindDesk();
    const claim = claims[0];
    if (!claim) throw new Error("no claim");
    expect((await vote(reviewer, claim.id, "factual")).status).toBe(200);
    expect((await vote(secondReviewer, claim.id, "disputed")).status).toBe(200);

    expect(await votesSeenBy(reviewer, claim.id)).toEqual({ isBlindReview: true, myLabel: "factual", labels: null });
    expect(await votesSeenBy(secondReviewer, claim.id)).toMatchObject({ myLabel: "disputed", labels: null });
    const editorView = await votesSeenBy(editor, claim.id);
    expect(editorView.labels?.map((entry) => [entry.reviewer.id, entry.label])).toEqual([
      [reviewer.id, "factual"],
      [secondReviewer.id, "disputed"],
    ]);

    const history = (await callRoute(historyRoute, "GET", `/api/v1/claims/${claim.id}/history`, { as: reviewer, params: { claimId: claim.id } })).body as {
      items: { action: string; after: unknown }[];
    };
    expect(history.items.filter((entry) => entry.action === "claim.blind_labelled").map((entry) => entry.after)).toEqual(["factual"]);
    const claimRow = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { label: true } });
    expect(claimRow.label).toBeNull();
  });

  it("refuses a reviewer's direct label, lets an editor set the final label, and lists disagreements first", async () => {
    const { reviewer, secondReviewer, editor, workspaceId, claims } = await blindDesk();
    const [first, second, third] = claims;
    if (!first || !second || !third) throw new Error("no claims");
    const direct = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${first.id}`, {
      as: reviewer,
      params: { claimId: first.id },
      body: { label: "factual" },
      headers: { "if-match": '"1"' },
    });
    expect(direct.status).toBe(409);
    expect(JSON.stringify(direct.body)).toContain("blind double review");

    await vote(reviewer, first.id, "factual");
    await vote(secondReviewer, first.id, "factual");
    await vote(reviewer, second.id, "factual");
    await vote(secondReviewer, second.id, "opinion");
    await vote(reviewer, third.id, "opinion");

    const list = await callRoute(blindReviewRoute, "GET", `/api/v1/workspaces/${workspaceId}/blind-review`, { as: editor, params: { workspaceId } });
    expect(list.status).toBe(200);
    const items = (list.body as { items: BlindReviewItem[] }).items;
    expect(items.map((item) => [item.claim.id, item.status])).toEqual([
      [second.id, "disagreement"],
      [third.id, "waiting"],
      [first.id, "agreement"],
    ]);
    expect(items.map((item) => item.decidedBy)).toEqual([null, null, null]);
    expect((await callRoute(blindReviewRoute, "GET", `/api/v1/workspaces/${workspaceId}/blind-review`, { as: reviewer, params: { workspaceId } })).status).toBe(403);

    const decided = await callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${second.id}`, {
      as: editor,
      params: { claimId: second.id },
      body: { label: "opinion" },
      headers: { "if-match": '"1"' },
    });
    expect(decided.status).toBe(200);
    const undecided = await callRoute(blindReviewRoute, "GET", `/api/v1/workspaces/${workspaceId}/blind-review?isDecided=false`, { as: editor, params: { workspaceId } });
    expect((undecided.body as { items: BlindReviewItem[] }).items.map((item) => item.claim.id)).not.toContain(second.id);
    const resolved = await callRoute(blindReviewRoute, "GET", `/api/v1/workspaces/${workspaceId}/blind-review?status=disagreement`, { as: editor, params: { workspaceId } });
    expect((resolved.body as { items: BlindReviewItem[] }).items).toMatchObject([
      { claim: { id: second.id, label: "opinion" }, status: "disagreement", decidedBy: { id: editor.id, name: editor.name } },
    ]);
  });

  it("answers 409 for votes when blind review is off, and only owners switch it", async () => {
    const desk = await createDesk();
    const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
    const claim = await createClaimRecord(db, { passage, exact: "Bus fares rose 12 percent.", createdById: desk.reviewer.id });
    expect((await vote(desk.reviewer, claim.id, "factual")).status).toBe(409);
    expect((await vote(desk.reviewer, claim.id, "maybe")).status).toBe(400);
    const byEditor = await callRoute(patchWorkspaceRoute, "PATCH", `/api/v1/workspaces/${desk.workspaceId}`, {
      as: desk.editor,
      params: { workspaceId: desk.workspaceId },
      body: { isBlindReview: true },
    });
    expect(byEditor.status).toBe(403);
    expect((await vote(desk.stranger, claim.id, "factual")).status).toBe(404);
  });

  it("reports agreement: alpha for the workspace and each passage, kappa and a confusion matrix per pair", async () => {
    const { reviewer, secondReviewer, editor, workspaceId, claims } = await blindDesk();
    const labels: [string, string][] = [
      ["factual", "factual"],
      ["factual", "opinion"],
      ["opinion", "opinion"],
    ];
    for (const [i, claim] of claims.entries()) {
      const [mine, theirs] = labels[i] ?? ["factual", "factual"];
      await vote(reviewer, claim.id, mine);
      await vote(secondReviewer, claim.id, theirs);
    }
    const response = await callRoute(agreementRoute, "GET", `/api/v1/workspaces/${workspaceId}/agreement`, { as: editor, params: { workspaceId } });
    expect(response.status).toBe(200);
    const report = response.body as AgreementReport;
    expect(report.labelCount).toBe(6);
    expect(report.pairs).toHaveLength(1);
    const pair = report.pairs[0];
    // p_o = 2/3; marginals (2 factual, 1 opinion) and (1, 2): p_e = 4/9, κ = (2/3 − 4/9) / (5/9) = 0.4.
    expect(pair?.kappa).toBeCloseTo(0.4, 10);
    expect(pair?.itemCount).toBe(3);
    const names = [pair?.first.id, pair?.second.id];
    expect(names).toEqual(expect.arrayContaining([reviewer.id, secondReviewer.id]));
    expect(pair?.confusion.flat().reduce((sum, count) => sum + count, 0)).toBe(3);
    // Nominal alpha for 3 units of 2 values: n = 6, one disagreeing pair: α = 1 − 5·2 / (36 − 9 − 9) = 0.444…
    expect(report.workspace.alpha).toBeCloseTo(1 - 10 / 18, 10);
    expect(report.passages).toHaveLength(1);
    expect(report.passages[0]?.alpha).toBeCloseTo(report.workspace.alpha ?? 0, 10);
    expect((await callRoute(agreementRoute, "GET", `/api/v1/workspaces/${workspaceId}/agreement`, { as: reviewer, params: { workspaceId } })).status).toBe(403);
  });
});
