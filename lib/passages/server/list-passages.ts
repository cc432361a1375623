import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keysetPage } from "@/lib/http/pagination";
import { containsText } from "@/lib/search/contains-text";
import type { ListPassagesQuery, PassageSummary } from "@/lib/passages/passage.schemas";
import { passageSummarySelect, toPassageSummary } from "@/lib/passages/server/passage-view";

/**
 * A workspace's passages, newest first, by keyset pagination. Never reads the text column, and
 * counts claims in one grouped query, so a page costs the same few queries whatever its size.
 */
export async function listPassages({
  actor,
  workspaceId,
  query,
}: {
  actor: Actor;
  workspaceId: string;
  query: ListPassagesQuery;
}): Promise<{ items: PassageSummary[]; nextCursor: string | null }> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const conditions: Prisma.PassageWhereInput[] = [{ workspaceId, deletedAt: null }];
  if (query.q) {
    const contains = containsText(query.q);
    conditions.push({ OR: [{ title: contains }, { publisher: contains }, { author: contains }] });
  }
  if (query.sourceUrl) conditions.push({ sourceUrl: query.sourceUrl });
  const page = await keysetPage({
    query,
    order: { direction: "desc", columns: { createdAt: "date", id: "id" } },
    findRows: ({ after, orderBy, take }) => db.passage.findMany({ where: { AND: [...conditions, after] }, orderBy, take, select: passageSummarySelect }),
  });
  const claimCounts = await countClaims(page.items.map((row) => row.id));
  return { items: page.items.map((row) => toPassageSummary(row, claimCounts.get(row.id) ?? 0)), nextCursor: page.nextCursor };
}

// Grouped over this page's passages only (Prisma's `_count` relation aggregate groups every claim in the table).
async function countClaims(passageIds: string[]): Promise<Map<string, number>> {
  if (passageIds.length === 0) return new Map();
  const groups = await db.claim.groupBy({
    by: ["passageId"],
    where: { passageId: { in: passageIds }, deletedAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.passageId, group._count._all]));
}
