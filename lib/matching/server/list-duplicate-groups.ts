import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import {
  duplicatePairsSql,
  identicalOrLinkedPairsSql,
  liveClaimIdsSql,
  NEAREST_DUPLICATES,
  newestClaimTrigramsSql,
  type DuplicatePair,
} from "@/lib/matching/matching-sql";
import { freshTrigramIndex, type MatchSource } from "@/lib/matching/server/workspace-trigram-index";
import type { TrigramIndex } from "@/lib/matching/trigram-index";
import {
  DUPLICATE_SIMILARITY_THRESHOLD,
  type DuplicateGroups,
  type DuplicateGroupsQuery,
} from "@/lib/matching/matching.schemas";

/**
 * Only the newest claims are probed for near-identical statements (each probe is a nearest-neighbour
 * search); identical ones are found across the whole workspace, and an older near-duplicate shows up
 * again as soon as a new claim repeats it.
 */
export const DUPLICATE_SCAN_WINDOW = 50;

/**
 * Groups of live claims that say the same thing: identical or at least 80% similar statements
 * (trigrams of the normalized text), or linked by hand as duplicates. Largest groups first.
 */
export async function listDuplicateGroups({ actor, workspaceId, query }: { actor: Actor; workspaceId: string; query: DuplicateGroupsQuery }): Promise<{ groups: DuplicateGroups; source: MatchSource }> {
  const viewer = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const index = await freshTrigramIndex(workspaceId);
  const pairs = index
    ? await duplicatePairsFromIndex(index, workspaceId)
    : await db.$queryRaw<DuplicatePair[]>(duplicatePairsSql(workspaceId, DUPLICATE_SIMILARITY_THRESHOLD, DUPLICATE_SCAN_WINDOW));
  const scannedClaimCount = Math.min(DUPLICATE_SCAN_WINDOW, await db.claim.count({ where: { workspaceId, deletedAt: null, passage: { deletedAt: null } } }));

  const groups = groupPairs(pairs).slice(0, query.limit);
  const rows = await db.claim.findMany({
    where: { id: { in: groups.flatMap((group) => group.claimIds) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: claimSummarySelect,
  });
  const groupOf = new Map(groups.flatMap((group, index) => group.claimIds.map((id) => [id, index] as const)));
  const items = groups.map((group) => ({ claims: [] as ClaimSummary[], similarity: group.similarity }));
  for (const row of rows) {
    const index = groupOf.get(row.id);
    if (index !== undefined) items[index]?.claims.push(toClaimSummary(row, viewer));
  }
  return { groups: { items: items.filter((group) => group.claims.length > 1), scannedClaimCount }, source: index ? "memory" : "gist" };
}

/** The same pairs as duplicatePairsSql, with the newest claims' near neighbours from the in-memory index. */
async function duplicatePairsFromIndex(index: TrigramIndex, workspaceId: string): Promise<DuplicatePair[]> {
  const [fixed, newest] = await Promise.all([
    db.$queryRaw<DuplicatePair[]>(identicalOrLinkedPairsSql(workspaceId)),
    db.$queryRaw<{ id: string; trigrams: string[] }[]>(newestClaimTrigramsSql(workspaceId, DUPLICATE_SCAN_WINDOW)),
  ]);
  const near = newest.map((claim) => ({
    claimId: claim.id,
    // The index also holds deleted claims: read past a few, then keep the nearest live ones.
    neighbours: index.nearest(claim.trigrams, { limit: NEAREST_DUPLICATES * 4, excludeId: claim.id }).filter((match) => match.similarity >= DUPLICATE_SIMILARITY_THRESHOLD),
  }));
  const candidates = [...new Set(near.flatMap((probe) => probe.neighbours.map((match) => match.id)))];
  const live = new Set(candidates.length > 0 ? (await db.$queryRaw<{ id: string }[]>(liveClaimIdsSql(workspaceId, candidates))).map((row) => row.id) : []);
  const nearPairs = near.flatMap((probe) =>
    probe.neighbours
      .filter((match) => live.has(match.id))
      .slice(0, NEAREST_DUPLICATES)
      .map((match) => ({ claimId: probe.claimId, otherId: match.id, similarity: match.similarity })),
  );
  return [...fixed, ...nearPairs];
}

/** Connected components of the pairs (union–find): a group holds every claim reachable by a pair. */
export function groupPairs(pairs: readonly DuplicatePair[]): { claimIds: string[]; similarity: number | null }[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const { claimId, otherId } of pairs) {
    if (!parent.has(claimId)) parent.set(claimId, claimId);
    if (!parent.has(otherId)) parent.set(otherId, otherId);
    const [a, b] = [find(claimId), find(otherId)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, { claimIds: string[]; similarity: number | null }>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root) ?? { claimIds: [], similarity: null };
    group.claimIds.push(id);
    groups.set(root, group);
  }
  for (const { claimId, similarity } of pairs) {
    const group = groups.get(find(claimId));
    if (group && similarity !== null) group.similarity = Math.max(group.similarity ?? 0, Math.round(similarity * 1000) / 1000);
  }
  return [...groups.values()].sort((a, b) => b.claimIds.length - a.claimIds.length || (b.similarity ?? 0) - (a.similarity ?? 0));
}
