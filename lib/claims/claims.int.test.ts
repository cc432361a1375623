import { describe, expect, it } from "vitest";
import { DELETE as deleteClaimRoute, GET as getClaimRoute, PATCH as patchClaimRoute } from "@/app/api/v1/claims/[claimId]/route";
import { DELETE as removeEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/[linkId]/route";
import { POST as addEvidenceRoute } from "@/app/api/v1/claims/[claimId]/evidence/route";
import { GET as historyRoute } from "@/app/api/v1/claims/[claimId]/history/route";
import { POST as restoreRoute } from "@/app/api/v1/claims/[claimId]/restore/route";
import { GET as passageClaimsRoute, POST as createClaimRoute } from "@/app/api/v1/passages/[passageId]/claims/route";
import { POST as bulkRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/bulk/route";
import { GET as listClaimsRoute } from "@/app/api/v1/workspaces/[workspaceId]/claims/route";
import type { Claim, ClaimSummary } from "@/lib/claims/claim.schemas";
import { createPassageRecord } from "@/lib/fixtures/factories";
import { readEveryPage } from "@/scripts/test/read-every-page";
import { callRoute } from "@/scripts/test/route-client";
import { DAY_MS } from "@/lib/time-units";
import { RESTORE_WINDOW_DAYS } from "@/lib/workspaces/restore-window";
import { createDesk, db, recordQueries, type TestUser } from "@/scripts/test/desk";

const TEXT = "Unemployment fell to 5.1 percent in October. Critics say 7 percent. Unemployment fell again in November.";

async function deskWithPassage() {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: TEXT });
  return { ...desk, passage };
}

const createClaim = (as: TestUser | undefined, passageId: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(createClaimRoute, "POST", `/api/v1/passages/${passageId}/claims`, { as, params: { passageId }, body, headers });
const patchClaim = (as: TestUser, claimId: string, body: unknown, version?: number) =>
  callRoute(patchClaimRoute, "PATCH", `/api/v1/claims/${claimId}`, {
    as,
    params: { claimId },
    body,
    headers: version === undefined ? {} : { "if-match": `"${version}"` },
  });
const getClaim = (as: TestUser, claimId: string) => callRoute(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, { as, params: { claimId } });
const addEvidence = (as: TestUser, claimId: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(addEvidenceRoute, "POST", `/api/v1/claims/${claimId}/evidence`, { as, params: { claimId }, body, headers });

describe("creating claims", () => {
  it("anchors a claim by offsets with W3C selectors, trimming whitespace, as a draft at version 1", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const response = await createClaim(reviewer, passage.id, { start: 0, end: 45, label: "factual" });
    expect(response.status).toBe(201);
    expect(response.headers.get("etag")).toBe('"1"');
    expect(response.body).toMatchObject({
      state: "draft",
      version: 1,
      label: "factual",
      statement: "Unemployment fell to 5.1 percent in October.",
      target: { quote: { exact: "Unemployment fell to 5.1 percent in October.", prefix: "", suffix: " Critics say 7 percent. Unemploy" }, position: { start: 0, end: 44 } },
    });
  });

  it("anchors by quote, refusing a missing or ambiguous quote with a 400 that says why", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const ambiguous = await createClaim(reviewer, passage.id, { exact: "Unemployment fell" });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("more than once") } });
    expect((await createClaim(reviewer, passage.id, { exact: "9 percent" })).status).toBe(400);
    const bySuffix = await createClaim(reviewer, passage.id, { exact: "Unemployment fell", suffix: " again" });
    expect(bySuffix.status).toBe(201);
    expect((bySuffix.body as Claim).target.position.start).toBe(TEXT.lastIndexOf("Unemployment fell"));
  });

  it("keeps markup a user typed as plain text", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const payload = `<script>alert(1)</script><img src=x onerror=alert(1)>`;
    const response = await createClaim(reviewer, passage.id, { start: 0, end: 10, statement: payload });
    expect((response.body as Claim).statement).toBe(payload);
  });

  it("makes one claim for a retried request with the same Idempotency-Key", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const first = await createClaim(reviewer, passage.id, { start: 0, end: 12 }, { "idempotency-key": "mark-1" });
    const retry = await createClaim(reviewer, passage.id, { start: 0, end: 12 }, { "idempotency-key": "mark-1" });
    expect(retry.body).toEqual(first.body);
    expect(await db.claim.count({ where: { passageId: passage.id } })).toBe(1);
  });

  it("answers 401, 403 for a viewer, and 404 for a stranger", async () => {
    const { viewer, stranger, passage } = await deskWithPassage();
    expect((await createClaim(undefined, passage.id, { start: 0, end: 5 })).status).toBe(401);
    expect((await createClaim(viewer, passage.id, { start: 0, end: 5 })).status).toBe(403);
    expect((await createClaim(stranger, passage.id, { start: 0, end: 5 })).status).toBe(404);
  });
});

describe("updating claims", () => {
  it("needs If-Match (428), refuses a stale version with the current claim (412), and audits each field", async () => {
    const { reviewer, editor, passage } = await deskWithPassage();
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    expect((await patchClaim(reviewer, claim.id, { label: "factual" })).status).toBe(428);
    const updated = await patchClaim(reviewer, claim.id, { label: "factual", verdictNote: "Per the statistics office" }, 1);
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    const stale = await patchClaim(editor, claim.id, { label: "opinion" }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: { code: "precondition_failed", details: { current: { version: 2, label: "factual" } } } });

    const history = await callRoute(historyRoute, "GET", `/api/v1/claims/${claim.id}/history`, { as: editor, params: { claimId: claim.id } });
    expect((history.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ action: "claim.created", actor: { id: reviewer.id, name: reviewer.name } }),
      expect.objectContaining({ field: "label", before: null, after: "factual" }),
      expect.objectContaining({ field: "verdictNote", before: null, after: "Per the statistics office" }),
    ]);
  });

  it("runs the review state machine: roles, labels and evidence", async () => {
    const { reviewer, editor, passage } = await deskWithPassage();
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44, label: "factual" })).body as Claim;
    const skip = await patchClaim(editor, claim.id, { state: "verified" }, 1);
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ error: { details: { allowed: ["in_review"] } } });
    expect((await patchClaim(reviewer, claim.id, { state: "in_review" }, 1)).status).toBe(200);
    expect((await patchClaim(reviewer, claim.id, { state: "verified" }, 2)).status).toBe(403);
    const noEvidence = await patchClaim(editor, claim.id, { state: "verified" }, 2);
    expect(noEvidence.status).toBe(409);
    expect(noEvidence.body).toMatchObject({ error: { message: expect.stringContaining("evidence") } });
    expect((await addEvidence(reviewer, claim.id, { stance: "supports", url: "https://stats.example.org/oct" })).status).toBe(201);
    const noVerdict = await patchClaim(editor, claim.id, { state: "verified" }, 2);
    expect(noVerdict.status).toBe(409);
    expect(noVerdict.body).toMatchObject({ error: { message: expect.stringContaining("needs a verdict") } });
    expect((await patchClaim(editor, claim.id, { verdict: "mostly-true", state: "verified" }, 2)).body).toMatchObject({
      state: "verified",
      verdict: "mostly-true",
      verdictName: "Mostly true",
      version: 3,
    });
  });

  it("never loses an update: 20 writers with the same version, one wins", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => patchClaim(reviewer, claim.id, { statement: `Writer ${i}` }, 1).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const final = (await getClaim(reviewer, claim.id)).body as Claim;
    expect(final.version).toBe(2);
    expect(await db.auditEvent.count({ where: { claimId: claim.id, field: "statement" } })).toBe(1);
  });
});

describe("evidence", () => {
  it("accepts http(s) sources only and reuses the record for the same URL", async () => {
    const { reviewer, passage } = await deskWithPassage();
    const first = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const second = (await createClaim(reviewer, passage.id, { exact: "Critics say 7 percent." })).body as Claim;
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd"]) {
      expect((await addEvidence(reviewer, first.id, { stance: "supports", url })).status).toBe(400);
    }
    // No source at all reads as a missing URL, so the form can say "Enter the web address of the source."
    const noSource = await addEvidence(reviewer, first.id, { stance: "supports", note: "Table 3" });
    expect(noSource.body).toMatchObject({
      error: { details: [{ path: ["body", "url"], code: "invalid_type", isMissing: true, message: "Give either a source URL, or a passage with start and end, but not both" }] },
    });
    const both = await addEvidence(reviewer, first.id, { stance: "supports", url: "https://stats.example.org/oct", passageId: passage.id, start: 0, end: 4 });
    expect(both.body).toMatchObject({ error: { details: [{ path: ["body", "url"], code: "custom" }] } });
    const a = await addEvidence(reviewer, first.id, { stance: "supports", url: "https://stats.example.org/oct#table", title: "<b>Stats</b>" });
    const b = await addEvidence(reviewer, second.id, { stance: "refutes", url: "https://stats.example.org/oct" });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ evidence: { title: "<b>Stats</b>", url: "https://stats.example.org/oct" } });
    expect((b.body as { evidence: { id: string } }).evidence.id).toBe((a.body as { evidence: { id: string } }).evidence.id);
    expect((await addEvidence(reviewer, first.id, { stance: "context", url: "https://stats.example.org/oct" })).status).toBe(409);

    const retried = { stance: "supports", url: "https://other.example.org/report" };
    const once = await addEvidence(reviewer, second.id, retried, { "idempotency-key": "link-1" });
    const again = await addEvidence(reviewer, second.id, retried, { "idempotency-key": "link-1" });
    expect(again.body).toEqual(once.body);
    expect(await db.claimEvidence.count({ where: { claimId: second.id } })).toBe(2);
  });
});

describe("evidence links", () => {
  it("unlinks evidence (204, then 410), audited; refuses viewers (403) and unknown links (404)", async () => {
    const { reviewer, viewer, passage } = await deskWithPassage();
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const link = (await addEvidence(reviewer, claim.id, { stance: "supports", url: "https://stats.example.org/oct", accessedAt: "2026-11-01" })).body as {
      id: string;
      evidence: { accessedAt: string };
    };
    expect(link.evidence.accessedAt).toBe("2026-11-01T00:00:00.000Z");
    const remove = (as: TestUser, linkId: string) =>
      callRoute(removeEvidenceRoute, "DELETE", `/api/v1/claims/${claim.id}/evidence/${linkId}`, { as, params: { claimId: claim.id, linkId } });
    expect((await remove(viewer, link.id)).status).toBe(403);
    expect((await remove(reviewer, "no-such-link")).status).toBe(404);
    expect((await remove(reviewer, link.id)).status).toBe(204);
    expect((await remove(reviewer, link.id)).status).toBe(410);
    expect(((await getClaim(reviewer, claim.id)).body as Claim).evidence).toEqual([]);
    expect(await db.auditEvent.count({ where: { claimId: claim.id, action: "evidence.unlinked" } })).toBe(1);
  });

  it("links a span of another passage of the same workspace, and refuses one of another workspace (404)", async () => {
    const { reviewer, passage, workspaceId } = await deskWithPassage();
    const other = await deskWithPassage();
    const source = await createPassageRecord(db, { workspaceId, createdById: reviewer.id, text: "The statistics office reports 5.1 percent." });
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const span = await addEvidence(reviewer, claim.id, { stance: "supports", passageId: source.id, start: 30, end: 42 });
    expect(span.status).toBe(201);
    expect(span.body).toMatchObject({ evidence: { kind: "passage", passageId: source.id, quote: "5.1 percent." } });
    expect((await addEvidence(reviewer, claim.id, { stance: "supports", passageId: other.passage.id, start: 0, end: 5 })).status).toBe(404);
    expect((await addEvidence(reviewer, claim.id, { stance: "supports" })).status).toBe(400);
  });
});

describe("reading, deleting and restoring", () => {
  it("lists a passage's claims in text order and a workspace's claims by filter, with a fixed number of queries", async () => {
    const { reviewer, passage, workspaceId } = await deskWithPassage();
    const later = (await createClaim(reviewer, passage.id, { exact: "Critics say 7 percent.", label: "disputed" })).body as Claim;
    const earlier = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const inOrder = await callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passage.id}/claims?all=true`, { as: reviewer, params: { passageId: passage.id } });
    expect((inOrder.body as { items: ClaimSummary[] }).items.map((c) => c.id)).toEqual([earlier.id, later.id]);
    const filtered = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims?label=disputed`, { as: reviewer, params: { workspaceId } });
    expect((filtered.body as { items: ClaimSummary[] }).items.map((c) => c.id)).toEqual([later.id]);

    const count = async (passageId: string) =>
      (await recordQueries(() => callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passageId}/claims?all=true`, { as: reviewer, params: { passageId } }))).queries.length;
    const big = await createPassageRecord(db, { workspaceId, createdById: reviewer.id, text: "word ".repeat(400) });
    await db.claim.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        workspaceId, passageId: big.id, createdById: reviewer.id, statement: "word", exact: "word", prefix: "", suffix: "", start: i * 5, end: i * 5 + 4,
      })),
    });
    const small = await count(passage.id);
    expect(await count(big.id)).toBe(small);
    expect(small).toBeLessThanOrEqual(5);
    const patchQueries = (await recordQueries(() => patchClaim(reviewer, earlier.id, { label: "factual" }, 1))).queries.length;
    // The session check, access, load, update, audit and the NOTIFY that tells open pages: a fixed count, whatever the claim.
    expect(patchQueries).toBeLessThanOrEqual(7);
  });

  it("pages through a passage's claims in text order, each once, and gives every one at once with all=true", async () => {
    const { reviewer, passage, workspaceId } = await deskWithPassage();
    const spans = [[45, 67], [0, 44], [0, 12], [0, 12], [68, 106], [45, 67], [13, 44], [0, 44]];
    await db.claim.createMany({
      data: spans.map(([start = 0, end = 0]) => ({
        workspaceId, passageId: passage.id, createdById: reviewer.id, statement: "s", exact: TEXT.slice(start, end), prefix: "", suffix: "", start, end,
      })),
    });
    const deleted = await db.claim.findFirstOrThrow({ where: { passageId: passage.id, start: 13 } });
    await db.claim.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const live = await db.claim.findMany({ where: { passageId: passage.id, deletedAt: null }, select: { id: true, start: true, end: true } });
    const inTextOrder = live
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
      .map((claim) => claim.id);
    const read = (search: string) => callRoute(passageClaimsRoute, "GET", `/api/v1/passages/${passage.id}/claims?${search}`, { as: reviewer, params: { passageId: passage.id } });

    const paged = await readEveryPage<ClaimSummary>(read, 2);
    expect(paged.map((claim) => claim.id)).toEqual(inTextOrder);
    const whole = (await read("all=true&limit=1")).body as { items: ClaimSummary[]; nextCursor: string | null };
    expect(whole).toMatchObject({ nextCursor: null });
    expect(whole.items.map((claim) => claim.id)).toEqual(inTextOrder);

    expect((await read("cursor=garbage")).status).toBe(400);
    const workspaceCursor = ((await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims?limit=1`, { as: reviewer, params: { workspaceId } })).body as { nextCursor: string }).nextCursor;
    expect((await read(`cursor=${workspaceCursor}`)).status).toBe(400);
  });

  it("soft-deletes a claim (410 afterwards, gone from lists) and lets an editor restore it", async () => {
    const { reviewer, editor, passage, workspaceId } = await deskWithPassage();
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const del = (as: TestUser) => callRoute(deleteClaimRoute, "DELETE", `/api/v1/claims/${claim.id}`, { as, params: { claimId: claim.id } });
    expect((await del(reviewer)).status).toBe(403);
    expect((await del(editor)).status).toBe(204);
    expect((await getClaim(reviewer, claim.id)).status).toBe(410);
    const list = await callRoute(listClaimsRoute, "GET", `/api/v1/workspaces/${workspaceId}/claims`, { as: reviewer, params: { workspaceId } });
    expect((list.body as { items: unknown[] }).items).toEqual([]);
    expect((await callRoute(restoreRoute, "POST", `/api/v1/claims/${claim.id}/restore`, { as: reviewer, params: { claimId: claim.id } })).status).toBe(403);
    const restored = await callRoute(restoreRoute, "POST", `/api/v1/claims/${claim.id}/restore`, { as: editor, params: { claimId: claim.id } });
    expect(restored.status).toBe(200);
    expect((await getClaim(reviewer, claim.id)).status).toBe(200);

    await del(editor);
    await db.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date(Date.now() - (RESTORE_WINDOW_DAYS + 1) * DAY_MS) } });
    expect((await callRoute(restoreRoute, "POST", `/api/v1/claims/${claim.id}/restore`, { as: editor, params: { claimId: claim.id } })).status).toBe(410);
  });

  it("answers a stranger 404 for a claim that exists, exactly as for one that does not", async () => {
    const { reviewer, stranger, passage } = await deskWithPassage();
    const claim = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const foreign = await getClaim(stranger, claim.id);
    const missing = await getClaim(stranger, "no-such-claim");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await patchClaim(stranger, claim.id, { label: "opinion" }, 1)).status).toBe(404);
  });
});

describe("bulk changes", () => {
  it("applies a label to many claims, each versioned and audited, refusing foreign, stale and forbidden items one by one", async () => {
    const { reviewer, passage, workspaceId } = await deskWithPassage();
    const other = await deskWithPassage();
    const a = (await createClaim(reviewer, passage.id, { start: 0, end: 44 })).body as Claim;
    const b = (await createClaim(reviewer, passage.id, { exact: "Critics say 7 percent." })).body as Claim;
    const stale = (await createClaim(reviewer, passage.id, { exact: "Unemployment fell", suffix: " again" })).body as Claim;
    await patchClaim(reviewer, stale.id, { statement: "Changed meanwhile" }, 1);
    const foreign = (await createClaim(other.reviewer, other.passage.id, { start: 0, end: 44 })).body as Claim;
    const bulk = (body: unknown) => callRoute(bulkRoute, "POST", `/api/v1/workspaces/${workspaceId}/claims/bulk`, { as: reviewer, params: { workspaceId }, body });

    const labelled = await bulk({ claimIds: [a.id, b.id, stale.id, foreign.id], changes: { label: "disputed" }, versions: { [stale.id]: 1 } });
    expect(labelled.status).toBe(200);
    const results = (labelled.body as { results: { claimId: string; ok: boolean; error?: { code: string } }[] }).results;
    expect(results.map((r) => [r.claimId, r.ok, r.error?.code])).toEqual([
      [a.id, true, undefined],
      [b.id, true, undefined],
      [stale.id, false, "precondition_failed"],
      [foreign.id, false, "not_found"],
    ]);
    expect(await db.auditEvent.count({ where: { claimId: { in: [a.id, b.id] }, field: "label" } })).toBe(2);
    expect((await db.claim.findUniqueOrThrow({ where: { id: foreign.id } })).label).toBeNull();

    const verify = await bulk({ claimIds: [a.id], changes: { state: "verified" } });
    expect((verify.body as { results: { ok: boolean; error?: { code: string } }[] }).results[0]).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect((await bulk({ claimIds: [], changes: { label: "opinion" } })).status).toBe(400);
    // One result per listed claim: a claim listed twice, or a version for one not listed, is refused whole.
    const twice = await bulk({ claimIds: [a.id, a.id, b.id], changes: { label: "opinion" } });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ error: { details: [{ path: ["body", "claimIds", 1], message: expect.stringContaining("more than once") }] } });
    const strayVersion = await bulk({ claimIds: [a.id], changes: { label: "opinion" }, versions: { [b.id]: 1 } });
    expect(strayVersion.status).toBe(400);
    expect(strayVersion.body).toMatchObject({ error: { details: [{ path: ["body", "versions", b.id] }] } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: a.id } })).label).toBe("disputed");
    // A deleted claim answers as it would alone (410 gone), not as one that never existed.
    await db.claim.update({ where: { id: b.id }, data: { deletedAt: new Date() } });
    const deleted = await bulk({ claimIds: [b.id], changes: { label: "opinion" } });
    expect((deleted.body as { results: { ok: boolean; error?: { code: string } }[] }).results[0]).toMatchObject({ ok: false, error: { code: "gone" } });
  });
});
