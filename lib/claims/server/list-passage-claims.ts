import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimSummary } from "@/lib/claims/claim.schemas";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";

/** Every live claim of a passage in text order, for the reader: two queries whatever the count. */
export async function listPassageClaims({ actor, passageId }: { actor: Actor; passageId: string }): Promise<ClaimSummary[]> {
  await requirePassageAccess(actor, passageId, "workspace.read");
  const rows = await db.claim.findMany({
    where: { passageId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
    select: claimSummarySelect,
  });
  return rows.map(toClaimSummary);
}
