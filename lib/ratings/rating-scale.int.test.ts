import { describe, expect, it } from "vitest";
import { GET as getClaimRoute, PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { GET as historyRoute } from "@/app/api/v1/claims/[claimId]/history/route";
import { GET as getScaleRoute, PUT as putScaleRoute } from "@/app/api/v1/workspaces/[workspaceId]/rating-scale/route";
import { POST as createWorkspaceRoute } from "@/app/api/v1/workspaces/route";
import type { Claim } from "@/lib/claims/claim.schemas";
import { createClaimRecord, createPassageRecord, linkWebEvidenceRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import { DEFAULT_RATING_SCALE } from "@/lib/ratings/default-rating-scale";
import type { RatingScale } from "@/lib/ratings/rating.schemas";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";
import { callRoute } from "@/scripts/test/route-client";

type Desk = Awaited<ReturnType<typeof createDesk>>;
type RatingBody = { key: string; name: string; description?: string; value?: number | null; retired?: boolean };

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent.";
const QUOTE = "Unemployment fell to 5.1 percent in October.";

const getScale = (as: TestUser, workspaceId: string) =>
  callRoute(getScaleRoute, "GET", `/api/v1/workspaces/${workspaceId}/rating-scale`, { as, params: { workspaceId } });
const putScale = (as: TestUser, workspaceId: string, ratings: RatingBody[], version: string | undefined) =>
  callRoute(putScaleRoute, "PUT", `/api/v1/workspaces/${workspaceId}/rating-scale`, {
    as,
    params: { workspaceId },
    body: { ratings },
    headers: version === undefined ? {} : { "if-match": `"${version}"` },
  });
const patchClaim = (as: TestUser, claimId: string, body: unknown, version: number) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, { as, params: { claimId }, body, headers: { "if-match": `"${version}"` } });

async function currentScale(desk: Desk): Promise<RatingScale> {
  return (await getScale(desk.owner, desk.workspaceId)).body as RatingScale;
}

/** A factual claim in review with one supporting link: everything but a verdict to be verified. */
async function claimInReview(desk: Desk) {
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: `${TEXT} ${uniqueSuffix()}` });
  const claim = await createClaimRecord(db, { passage, exact: QUOTE, createdById: desk.reviewer.id, label: "factual", state: "in_review" });
  await linkWebEvidenceRecord(db, { workspaceId: desk.workspaceId, claimId: claim.id, createdById: desk.reviewer.id, url: `https://example.org/${uniqueSuffix()}`, title: "Jobs report", stance: "supports" });
  return claim;
}

const asInput = (scale: RatingScale): RatingBody[] => scale.ratings.map(({ key, name, description, value, retired }) => ({ key, name, description, value, retired }));

describe("the rating scale", () => {
  it("starts as the default scale for every new workspace, readable by any member, with its bounds and version", async () => {
    const desk = await createDesk();
    const response = await getScale(desk.viewer, desk.workspaceId);
    expect(response.status).toBe(200);
    const scale = response.body as RatingScale;
    expect(scale.ratings).toEqual(DEFAULT_RATING_SCALE.map((rating) => ({ ...rating, retired: false })));
    expect(scale).toMatchObject({ bestRating: 5, worstRating: 1 });
    expect(response.headers.get("etag")).toBe(`"${scale.version}"`);
    expect((await getScale(desk.stranger, desk.workspaceId)).status).toBe(404);

    const created = await callRoute(createWorkspaceRoute, "POST", "/api/v1/workspaces", { as: desk.stranger, body: { name: `Desk ${uniqueSuffix()}` } });
    const workspaceId = (created.body as { id: string }).id;
    expect(((await getScale(desk.stranger, workspaceId)).body as RatingScale).ratings.map((rating) => rating.key)).toEqual([
      "true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven",
    ]);
  });

  it("lets an owner add, rename, reorder, value, describe and retire ratings, audited per rating", async () => {
    const desk = await createDesk();
    const scale = await currentScale(desk);
    const ratings = asInput(scale);
    const [truth, ...rest] = ratings;
    const changed: RatingBody[] = [
      ...rest.filter((rating) => rating.key !== "unproven"),
      { ...truth!, name: "Correct", description: "Accurate in every detail." },
      { key: "unproven", name: "Unproven", value: null, retired: true },
      { key: "satire", name: "Satire", description: "Not meant as fact.", value: null },
      { key: "pants-on-fire", name: "Pants on fire", value: 0 + 6 },
    ];
    const response = await putScale(desk.owner, desk.workspaceId, changed, scale.version);
    expect(response.status).toBe(200);
    const after = response.body as RatingScale;
    expect(after.ratings.map((rating) => [rating.key, rating.name, rating.value, rating.retired])).toEqual([
      ["mostly-true", "Mostly true", 4, false],
      ["half-true", "Half true", 3, false],
      ["mostly-false", "Mostly false", 2, false],
      ["false", "False", 1, false],
      ["misleading", "Misleading", null, false],
      ["true", "Correct", 5, false],
      ["unproven", "Unproven", null, true],
      ["satire", "Satire", null, false],
      ["pants-on-fire", "Pants on fire", 6, false],
    ]);
    expect(after).toMatchObject({ bestRating: 6, worstRating: 1 });
    expect(after.version).not.toBe(scale.version);
    expect(response.headers.get("etag")).toBe(`"${after.version}"`);
    const events = await db.auditEvent.findMany({ where: { workspaceId: desk.workspaceId, entityType: "rating" }, select: { action: true, entityId: true, actorId: true } });
    expect(events).toEqual(expect.arrayContaining([
      { action: "rating.created", entityId: "satire", actorId: desk.owner.id },
      { action: "rating.updated", entityId: "true", actorId: desk.owner.id },
      { action: "rating.updated", entityId: "unproven", actorId: desk.owner.id },
    ]));
    // Sending the same scale again changes nothing and records nothing.
    const count = events.length;
    expect((await putScale(desk.owner, desk.workspaceId, asInput(after), after.version)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { workspaceId: desk.workspaceId, entityType: "rating" } })).toBe(count);
  });

  it("refuses malformed or clashing ratings with a 400 naming the field", async () => {
    const desk = await createDesk();
    const scale = await currentScale(desk);
    const ratings = asInput(scale);
    const cases: [RatingBody[], (string | number)[], RegExp][] = [
      [[...ratings, { key: "Mostly True", name: "X" }], ["body", "ratings", 7, "key"], /lowercase/],
      [[...ratings, { key: "true", name: "Again" }], ["body", "ratings", 7, "key"], /already used/],
      [[...ratings, { key: "nearly-true", name: "Nearly true", value: 4 }], ["body", "ratings", 7, "value"], /already has the value 4/],
      [[...ratings, { key: "zero", name: "Zero", value: 0 }], ["body", "ratings", 7, "value"], /start at 1/],
      [[...ratings, { key: "other-false", name: "false" }], ["body", "ratings", 7, "name"], /already called/],
      [ratings.map((rating) => ({ ...rating, retired: true })), ["body", "ratings", 0, "retired"], /at least one/],
    ];
    for (const [body, path, message] of cases) {
      const response = await putScale(desk.owner, desk.workspaceId, body, scale.version);
      expect(response.status, JSON.stringify(path)).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "validation_failed", details: expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]) } });
    }
    // A retired rating may share a value: claims keep it, and only ratings still given must order.
    const retiredTwin = await putScale(desk.owner, desk.workspaceId, [...ratings, { key: "old-true", name: "True", value: 5, retired: true }], scale.version);
    expect(retiredTwin.status).toBe(200);
  });

  it("refuses removing a rating claims use (409 naming it and how many), and keeps it on them once retired", async () => {
    const desk = await createDesk();
    const [first, second] = [await claimInReview(desk), await claimInReview(desk)];
    expect((await patchClaim(desk.editor, first.id, { verdict: "mostly-false" }, first.version)).status).toBe(200);
    expect((await patchClaim(desk.editor, second.id, { verdict: "mostly-false" }, second.version)).status).toBe(200);
    const scale = await currentScale(desk);
    const withoutIt = asInput(scale).filter((rating) => rating.key !== "mostly-false" && rating.key !== "unproven");
    const removal = await putScale(desk.owner, desk.workspaceId, withoutIt, scale.version);
    expect(removal.status).toBe(409);
    expect(removal.body).toMatchObject({
      error: {
        code: "conflict",
        message: expect.stringMatching(/“Mostly false” \(mostly-false\) is the verdict of 2 claims.*Retire it instead/),
        details: { inUse: [{ key: "mostly-false", name: "Mostly false", claimCount: 2 }] },
      },
    });
    expect(((await currentScale(desk)).ratings).map((rating) => rating.key)).toContain("unproven");

    const retired = await putScale(desk.owner, desk.workspaceId, asInput(scale).map((rating) => (rating.key === "mostly-false" ? { ...rating, retired: true } : rating)), scale.version);
    expect(retired.status).toBe(200);
    const kept = (await patchClaim(desk.editor, first.id, { verdictNote: "Still mostly false." }, first.version + 1)).body as Claim;
    expect(kept).toMatchObject({ verdict: "mostly-false", verdictName: "Mostly false" });
    const third = await claimInReview(desk);
    const refused = await patchClaim(desk.editor, third.id, { verdict: "mostly-false" }, third.version);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: "validation_failed", message: expect.stringMatching(/retired.*Choose one of: true, mostly-true, half-true, false, misleading, unproven/), details: [{ path: ["body", "verdict"] }] },
    });
    // Claims that keep a retired rating can still be verified with it.
    expect((await patchClaim(desk.editor, first.id, { state: "verified" }, kept.version)).body).toMatchObject({ state: "verified", verdict: "mostly-false" });
  });

  it("refuses a stale version (412 with the current scale), a missing one (428) and anyone but an owner (403)", async () => {
    const desk = await createDesk();
    const scale = await currentScale(desk);
    const renamed = asInput(scale).map((rating) => (rating.key === "true" ? { ...rating, name: "Accurate" } : rating));
    expect((await putScale(desk.editor, desk.workspaceId, renamed, scale.version)).status).toBe(403);
    expect((await putScale(desk.owner, desk.workspaceId, renamed, undefined)).status).toBe(428);
    expect((await putScale(desk.owner, desk.workspaceId, renamed, scale.version)).status).toBe(200);
    const stale = await putScale(desk.owner, desk.workspaceId, asInput(scale), scale.version);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: { code: "precondition_failed", details: { current: { ratings: expect.arrayContaining([expect.objectContaining({ key: "true", name: "Accurate" })]) } } } });
    expect(((await currentScale(desk)).ratings)[0]).toMatchObject({ key: "true", name: "Accurate" });
  });
});

describe("a claim's verdict", () => {
  it("is given by editors and owners, audited and versioned; reviewers get 403, unknown keys 400 naming the field, stale versions 412", async () => {
    const desk = await createDesk();
    const claim = await claimInReview(desk);
    const byReviewer = await patchClaim(desk.reviewer, claim.id, { verdict: "true" }, claim.version);
    expect(byReviewer.status).toBe(403);
    const unknown = await patchClaim(desk.editor, claim.id, { verdict: "pants-on-fire" }, claim.version);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: { code: "validation_failed", message: expect.stringContaining("“pants-on-fire” is not a rating on this workspace's scale. Choose one of: true,"), details: [{ path: ["body", "verdict"] }] },
    });
    const malformed = await patchClaim(desk.editor, claim.id, { verdict: "Mostly True" }, claim.version);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { details: [expect.objectContaining({ path: ["body", "verdict"] })] } });

    const given = await patchClaim(desk.editor, claim.id, { verdict: "half-true" }, claim.version);
    expect(given.status).toBe(200);
    expect(given.headers.get("etag")).toBe(`"${claim.version + 1}"`);
    expect(given.body).toMatchObject({ verdict: "half-true", verdictName: "Half true", state: "in_review", version: claim.version + 1 });
    const stale = await patchClaim(desk.owner, claim.id, { verdict: "false" }, claim.version);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: { details: { current: { verdict: "half-true", verdictName: "Half true" } } } });
    const cleared = await patchClaim(desk.owner, claim.id, { verdict: null }, claim.version + 1);
    expect(cleared.body).toMatchObject({ verdict: null, verdictName: null });

    const history = await callRoute(historyRoute, "GET", `/api/v1/claims/${claim.id}/history`, { as: desk.viewer, params: { claimId: claim.id } });
    expect((history.body as { items: unknown[] }).items).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: "verdict", before: null, after: "half-true", actor: { id: desk.editor.id, name: desk.editor.name } }),
      expect.objectContaining({ field: "verdict", before: "half-true", after: null, actor: { id: desk.owner.id, name: desk.owner.name } }),
    ]));
  });

  it("is needed to verify a factual or disputed claim (409 with the rule), not an opinion", async () => {
    const desk = await createDesk();
    const claim = await claimInReview(desk);
    const refused = await patchClaim(desk.editor, claim.id, { state: "verified" }, claim.version);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: "conflict", message: "A factual claim needs a verdict before it can be verified: choose a rating from the workspace's scale, then verify." } });
    const verified = await patchClaim(desk.editor, claim.id, { verdict: "true", state: "verified" }, claim.version);
    expect(verified.body).toMatchObject({ state: "verified", verdict: "true" });

    const opinion = await claimInReview(desk);
    const relabelled = (await patchClaim(desk.editor, opinion.id, { label: "opinion" }, opinion.version)).body as Claim;
    expect((await patchClaim(desk.editor, opinion.id, { state: "verified" }, relabelled.version)).body).toMatchObject({ state: "verified", verdict: null });
  });

  it("reopens a verified claim when an editor changes it, so no verified claim differs from what was verified", async () => {
    const desk = await createDesk();
    const claim = await claimInReview(desk);
    const verified = (await patchClaim(desk.editor, claim.id, { verdict: "true", state: "verified" }, claim.version)).body as Claim;
    const changed = await patchClaim(desk.owner, claim.id, { verdict: "mostly-true" }, verified.version);
    expect(changed.body).toMatchObject({ state: "in_review", verdict: "mostly-true", verdictName: "Mostly true" });
    expect((await patchClaim(desk.reviewer, claim.id, { verdict: null }, verified.version + 1)).status).toBe(403);
  });

  it("is shown to reviewers of a blind-review workspace: it is an editor's decision, not a vote", async () => {
    const desk = await createDesk();
    await db.workspace.update({ where: { id: desk.workspaceId }, data: { isBlindReview: true } });
    const claim = await claimInReview(desk);
    await patchClaim(desk.editor, claim.id, { verdict: "false" }, claim.version);
    const seen = await callRoute(getClaimRoute, "GET", `/api/v1/claims/${claim.id}`, { as: desk.reviewer, params: { claimId: claim.id } });
    expect(seen.body).toMatchObject({ verdict: "false", verdictName: "False" });
  });
});
