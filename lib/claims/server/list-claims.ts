import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import type { ClaimSummary, ListClaimsQuery } from "@/lib/claims/claim.schemas";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterKeyset, decodeCursor, encodeCursor } from "@/lib/http/pagination";
import { containsText } from "@/lib/search/contains-text";

/** A workspace's claims with allowlisted filters, by keyset pagination; never reads passage text. */
export async function listClaims({
  actor,
  workspaceId,
  query,
}: {
  actor: Actor;
  workspaceId: string;
  query: ListClaimsQuery;
}): Promise<{ items: ClaimSummary[]; nextCursor: string | null }> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const direction = query.sort === "created_asc" ? "asc" : "desc";
  const conditions: Prisma.ClaimWhereInput[] = [{ workspaceId, deletedAt: null, passage: { deletedAt: null } }];
  if (query.label) conditions.push({ label: query.label === "none" ? null : query.label });
  if (query.state) conditions.push({ state: query.state });
  if (query.passageId) conditions.push({ passageId: query.passageId });
  if (query.assigneeId) conditions.push({ assigneeId: query.assigneeId });
  if (query.q) {
    const contains = containsText(query.q);
    conditions.push({ OR: [{ statement: contains }, { exact: contains }] });
  }
  if (query.cursor) conditions.push(afterKeyset(decodeCursor(query.cursor), direction));
  const rows = await db.claim.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: query.limit + 1,
    select: claimSummarySelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toClaimSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
