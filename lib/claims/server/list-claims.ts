import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { claimSortOf, type ClaimsFilter, type ClaimSortColumn, type ClaimSummary, type ListClaimsQuery } from "@/lib/claims/claim.schemas";
import { AppError } from "@/lib/http/errors";
import { claimSummarySelect, hidesUndecidedLabels, toClaimSummary, type ClaimViewer } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import { keysetPage } from "@/lib/http/pagination";
import { containsText } from "@/lib/search/contains-text";

/** The live claims of a workspace that a list filter keeps, as Prisma conditions. */
function claimFilterConditions(workspaceId: string, filter: Omit<ClaimsFilter, "sort" | "order">, viewer: ClaimViewer): Prisma.ClaimWhereInput[] {
  const conditions: Prisma.ClaimWhereInput[] = [{ workspaceId, deletedAt: null, passage: { deletedAt: null } }];
  // A label hidden from the viewer (blind review, not yet decided) counts as none, so a filter cannot reveal it.
  const isHidden = hidesUndecidedLabels(viewer);
  if (filter.label === "none") conditions.push(isHidden ? { OR: [{ label: null }, { labelDecidedById: null }] } : { label: null });
  else if (filter.label) conditions.push(isHidden ? { label: filter.label, labelDecidedById: { not: null } } : { label: filter.label });
  if (filter.state) conditions.push({ state: filter.state });
  if (filter.passageId) conditions.push({ passageId: filter.passageId });
  if (filter.assigneeId) conditions.push({ assigneeId: filter.assigneeId });
  if (filter.anchor) conditions.push({ anchorStatus: { in: filter.anchor.split(",") as AnchorStatus[] } });
  // anchorNeedsReview (lib/revisions/anchor-review.ts) as Prisma conditions.
  if (filter.needsReview) conditions.push({ OR: [{ anchorStatus: "changed" }, { anchorStatus: "orphaned", anchorConfidence: { lt: 1 } }] });
  if (filter.q) {
    const contains = containsText(filter.q);
    conditions.push({ OR: [{ statement: contains }, { exact: contains }] });
  }
  return conditions;
}

// Each sort's key columns (the stored sort keys of the claim_sort_keys migration), the id last so
// the order is total. Every one has an index on (workspaceId, key, id).
const SORT_KEYS = {
  statement: { statementSortKey: "text", id: "id" },
  label: { labelRank: "int", id: "id" },
  state: { stateRank: "int", id: "id" },
  passage: { passageTitleSortKey: "text", id: "id" },
  evidence_count: { evidenceCount: "int", id: "id" },
  updated: { updatedAt: "date", id: "id" },
  created: { createdAt: "date", id: "id" },
} as const satisfies Record<ClaimSortColumn, Record<string, "text" | "int" | "date" | "id">>;

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
  const viewer = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const conditions = claimFilterConditions(workspaceId, query, viewer);
  const sort = claimSortOf(query);
  if (sort.column === "label" && hidesUndecidedLabels(viewer)) {
    const message = "This workspace uses blind double review: sorting by label would reveal other reviewers' votes. Sort by another column.";
    throw new AppError("validation_failed", message, { details: [{ path: ["query", "sort"], message }] });
  }
  const page = await keysetPage({
    query,
    order: { direction: sort.order, columns: SORT_KEYS[sort.column] },
    findRows: ({ after, orderBy, take }) =>
      db.claim.findMany({
        where: { AND: [...conditions, after] },
        orderBy,
        take,
        select: { ...claimSummarySelect, statementSortKey: true, labelRank: true, stateRank: true, passageTitleSortKey: true, evidenceCount: true },
      }),
  });
  return { items: page.items.map((row) => toClaimSummary(row, viewer)), nextCursor: page.nextCursor };
}
