import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import type { ClaimSummary, ListClaimsQuery } from "@/lib/claims/claim.schemas";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keysetPage } from "@/lib/http/pagination";
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
  const conditions: Prisma.ClaimWhereInput[] = [{ workspaceId, deletedAt: null, passage: { deletedAt: null } }];
  if (query.label) conditions.push({ label: query.label === "none" ? null : query.label });
  if (query.state) conditions.push({ state: query.state });
  if (query.passageId) conditions.push({ passageId: query.passageId });
  if (query.assigneeId) conditions.push({ assigneeId: query.assigneeId });
  if (query.q) {
    const contains = containsText(query.q);
    conditions.push({ OR: [{ statement: contains }, { exact: contains }] });
  }
  const page = await keysetPage({
    query,
    order: { direction: query.sort === "created_asc" ? "asc" : "desc", columns: { createdAt: "date", id: "id" } },
    findRows: ({ after, orderBy, take }) => db.claim.findMany({ where: { AND: [...conditions, after] }, orderBy, take, select: claimSummarySelect }),
  });
  return { items: page.items.map(toClaimSummary), nextCursor: page.nextCursor };
}
