import { describe, expect, it } from "vitest";
import { GET as matchesRoute } from "@/app/api/v1/claims/[claimId]/matches/route";
import { GET as duplicatesRoute } from "@/app/api/v1/workspaces/[workspaceId]/duplicates/route";
import { createClaimRecord, createPassageRecord } from "@/lib/fixtures/factories";
import type { ClaimMatches, DuplicateGroups } from "@/lib/matching/matching.schemas";
import { freshTrigramIndex, LOAD_WITHIN_REQUEST, trigramIndexLoaded } from "@/lib/matching/server/workspace-trigram-index";
import type { TrigramIndex } from "@/lib/matching/trigram-index";
import { callRoute } from "@/scripts/test/route-client";
import { createDesk, db, type TestUser } from "@/scripts/test/desk";

// Statements that exercise pg_trgm's word splitting: digits, punctuation, accents, other scripts, case.
const STATEMENTS = [
  "Unemployment fell to 5.1 percent in October.",
  "Unemployment fell to 5.1% in October 2025, the office said.",
  "Die Arbeitslosenquote in München sank auf 5,1 Prozent.",
  "Le chômage a baissé de 0,3 point à Montréal.",
  "Безработица снизилась до 5,1 процента.",
  "UNEMPLOYMENT — fell; to 5.1 percent!",
  "The harbour handled 4.2 million containers last year.",
  "co-operation between ministries rose 12-fold since 1999",
];

async function deskWithStatements(statements: readonly string[]) {
  const desk = await createDesk();
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: statements.join(" ") });
  const claims = [];
  for (const exact of statements) claims.push(await createClaimRecord(db, { passage, exact, createdById: desk.owner.id }));
  return { ...desk, passage, claims };
}

async function trigramsOf(claimId: string): Promise<string[]> {
  const [row] = await db.$queryRaw<{ trigrams: string[] }[]>`SELECT show_trgm("statementNormalized") AS trigrams FROM "Claim" WHERE id = ${claimId}`;
  return row?.trigrams ?? [];
}

async function requireIndex(workspaceId: string): Promise<TrigramIndex> {
  const index = await freshTrigramIndex(workspaceId);
  if (!index) throw new Error("A small workspace's index should load within the request");
  return index;
}

const matches = (as: TestUser, claimId: string) => callRoute(matchesRoute, "GET", `/api/v1/claims/${claimId}/matches`, { as, params: { claimId } });
const duplicates = (as: TestUser, workspaceId: string) =>
  callRoute(duplicatesRoute, "GET", `/api/v1/workspaces/${workspaceId}/duplicates`, { as, params: { workspaceId } });

describe("a workspace's in-memory trigram index", () => {
  it("gives exactly pg_trgm's similarity for every pair of statements", async () => {
    const { workspaceId, claims } = await deskWithStatements(STATEMENTS);
    const index = await requireIndex(workspaceId);
    for (const claim of claims) {
      const fromIndex = index.nearest(await trigramsOf(claim.id), { limit: 100, excludeId: claim.id });
      const fromPostgres = await db.$queryRaw<{ id: string; similarity: number }[]>`
        SELECT other.id, similarity(other."statementNormalized", self."statementNormalized")::float8 AS similarity
        FROM "Claim" self JOIN "Claim" other ON other."workspaceId" = self."workspaceId" AND other.id <> self.id
        WHERE self.id = ${claim.id} AND similarity(other."statementNormalized", self."statementNormalized") > 0
        ORDER BY 2 DESC, 1`;
      expect(fromIndex).toEqual(fromPostgres);
    }
  });

  it("sees claims created and statements edited after it loaded, before answering", async () => {
    const { workspaceId, owner, claims } = await deskWithStatements(STATEMENTS.slice(0, 2));
    const [first] = claims;
    if (!first) throw new Error("no claim");
    const before = await requireIndex(workspaceId);
    expect(before.size).toBe(2);

    const other = await createPassageRecord(db, { workspaceId, createdById: owner.id, text: "Inflation rose to 3.2 percent in March." });
    const added = await createClaimRecord(db, { passage: other, exact: "Inflation rose to 3.2 percent in March.", createdById: owner.id });
    await db.claim.update({ where: { id: first.id }, data: { statement: "Inflation rose to 3.2 percent in March, the bank said." } });

    const after = await requireIndex(workspaceId);
    expect(after.size).toBe(3);
    const nearest = after.nearest(await trigramsOf(added.id), { limit: 5, excludeId: added.id });
    expect(nearest[0]?.id).toBe(first.id);
    expect(nearest[0]?.similarity).toBeGreaterThan(0.6);
    // The old statement's trigrams are gone: "unemployment" finds only the claim that still says it.
    const unemployment = after.nearest(await trigramsOf(claims[1]?.id ?? ""), { limit: 5 });
    expect(unemployment.find((match) => match.id === first.id)?.similarity ?? 0).toBeLessThan(0.3);
  });

  it("does not skip a claim whose transaction began before a read and committed after it", async () => {
    const { workspaceId, owner } = await deskWithStatements(STATEMENTS.slice(0, 1));
    await requireIndex(workspaceId);
    const passage = await createPassageRecord(db, { workspaceId, createdById: owner.id, text: "Exports doubled in 2024. Exports doubled in 2024 again." });

    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written: () => void = () => undefined;
    const slowClaimWritten = new Promise<void>((resolve) => (written = resolve));
    const slowTransaction = db.$transaction(
      async (tx) => {
        const claim = await createClaimRecord(tx, { passage, exact: "Exports doubled in 2024.", createdById: owner.id });
        written();
        await released;
        return claim;
      },
      { timeout: 20_000 },
    );
    await slowClaimWritten;
    // A later transaction commits first, and the index reads past it while the slow one is still open.
    const quick = await createClaimRecord(db, { passage, exact: "Exports doubled in 2024 again.", createdById: owner.id });
    const meanwhile = await requireIndex(workspaceId);
    expect(meanwhile.has(quick.id)).toBe(true);
    release();
    const slow = await slowTransaction;

    const after = await requireIndex(workspaceId);
    expect(after.has(slow.id)).toBe(true);
    expect(after.nearest(await trigramsOf(quick.id), { limit: 1, excludeId: quick.id })[0]?.id).toBe(slow.id);
  });

  it("reads past deleted claims that crowd the nearest, so a live match further away still shows", async () => {
    const { viewer, owner, workspaceId, passage, claims } = await deskWithStatements([
      "Unemployment fell to 5.1 percent in October.",
      "Unemployment fell sharply in the spring.",
    ]);
    const [source, farther] = claims;
    if (!source || !farther) throw new Error("no claims");
    // 150 deleted near-copies, more similar than the live claim, fill the first window of candidates.
    await db.$executeRaw`
      INSERT INTO "Claim" (id, "workspaceId", "passageId", statement, state, exact, prefix, suffix, start, "end", "createdById", "updatedAt", "deletedAt")
      SELECT 'deleted-' || ${workspaceId} || '-' || g, ${workspaceId}, ${passage.id}, 'Unemployment fell to 5.1 percent in October ' || g, 'draft',
        'x', '', '', 0, 1, ${owner.id}, now(), now()
      FROM generate_series(1, 150) AS g`;
    const index = await requireIndex(workspaceId);
    const nearest = index.nearest(await trigramsOf(source.id), { limit: 151, excludeId: source.id });
    expect(nearest.findIndex((match) => match.id === farther.id)).toBe(150);

    const response = await matches(viewer, source.id);
    expect((response.body as ClaimMatches).items.map((item) => item.claim.id)).toEqual([farther.id]);
  });

  it("answers matches from PostgreSQL while a large workspace loads, the same as the loaded index does", async () => {
    const { viewer, workspaceId, claims } = await largeWorkspace();
    const whileLoading = await matches(viewer, claims.source);
    expect(whileLoading.status).toBe(200);
    expect(whileLoading.headers.get("server-timing")).toContain("PostgreSQL GiST index");
    await trigramIndexLoaded(workspaceId);
    const loaded = await matches(viewer, claims.source);
    expect(loaded.headers.get("server-timing")).toContain("in-memory trigram index");

    const found = (body: unknown) => (body as ClaimMatches).items.map((item) => [item.claim.id, item.similarity]);
    expect(found(loaded.body)).toEqual(found(whileLoading.body));
    expect(found(loaded.body).map(([id]) => id)).toEqual([claims.identical, claims.nearIdentical, claims.reworded]);
  });

  it("groups the same duplicates while a large workspace loads as from the loaded index", async () => {
    const { viewer, workspaceId, claims } = await largeWorkspace();
    const whileLoading = await duplicates(viewer, workspaceId);
    expect(whileLoading.status).toBe(200);
    expect(whileLoading.headers.get("server-timing")).toContain("PostgreSQL GiST index");
    await trigramIndexLoaded(workspaceId);
    const loaded = await duplicates(viewer, workspaceId);
    expect(loaded.headers.get("server-timing")).toContain("in-memory trigram index");

    const groups = (body: unknown) => (body as DuplicateGroups).items.map((group) => group.claims.map((claim) => claim.id).sort());
    expect(groups(loaded.body)).toEqual(groups(whileLoading.body));
    expect(groups(loaded.body)).toEqual([[claims.source, claims.identical, claims.nearIdentical].sort()]);
  });
});

/**
 * More claims than fit in the index's first batch: unrelated bulk ones, then a statement with one
 * identical and one near-identical copy (the newest claims) and a looser rewording.
 */
async function largeWorkspace() {
  const desk = await createDesk();
  const statements = {
    source: "Unemployment fell to 5.1 percent in October.",
    reworded: "Unemployment fell to 5.1% in October 2025, the office said.",
    nearIdentical: "Unemployment fell to 5.1 percent in October 2025.",
  };
  const passage = await createPassageRecord(db, { workspaceId: desk.workspaceId, createdById: desk.owner.id, text: Object.values(statements).join(" ") });
  const claim = async (exact: string) => (await createClaimRecord(db, { passage, exact, createdById: desk.owner.id })).id;
  const source = await claim(statements.source);
  const reworded = await claim(statements.reworded);
  await db.$executeRaw`
    INSERT INTO "Claim" (id, "workspaceId", "passageId", statement, state, exact, prefix, suffix, start, "end", "createdById", "updatedAt")
    SELECT 'bulk-' || ${desk.workspaceId} || '-' || g, ${desk.workspaceId}, ${passage.id}, 'Harbour log ' || md5(g::text), 'draft',
      'x', '', '', 0, 1, ${desk.owner.id}, now()
    FROM generate_series(1, ${LOAD_WITHIN_REQUEST}::int) AS g`;
  const identical = await claim(statements.source);
  const nearIdentical = await claim(statements.nearIdentical);
  return { ...desk, claims: { source, reworded, identical, nearIdentical } };
}
