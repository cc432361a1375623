import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ClaimSummary, ListPassageClaimsQuery } from "@/lib/claims/claim.schemas";
import { claimSummarySelect, toClaimSummary } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { keysetPage, type Page } from "@/lib/http/pagination";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";

/** Text order: by start, then end, then id (the keyset of the passage's claim list). */
export const PASSAGE_CLAIMS_ORDER = { direction: "asc", columns: { start: "int", end: "int", id: "id" } } as const;

/**
 * The passage's claims as objects, through Prisma and claim-view.ts. The API answers with
 * read-passage-claims-json.ts instead (the same JSON, built by PostgreSQL); this stays as the
 * reference the equality test compares it with.
 *
 * A passage's live claims in text order, by keyset pagination; with `all=true` every one in one
 * answer, which the reader needs to paint its highlights (two queries whatever the count).
 */
export async function listPassageClaims({
  actor,
  passageId,
  query,
}: {
  actor: Actor;
  passageId: string;
  query: ListPassageClaimsQuery;
}): Promise<Page<ClaimSummary>> {
  const viewer = await requirePassageAccess(actor, passageId, "workspace.read");
  const page = await keysetPage({
    query,
    order: PASSAGE_CLAIMS_ORDER,
    isUnbounded: query.all === "true",
    findRows: ({ after, orderBy, take }) =>
      db.claim.findMany({ where: { AND: [{ passageId, deletedAt: null }, after] }, orderBy, take, select: claimSummarySelect }),
  });
  return { items: page.items.map((row) => toClaimSummary(row, viewer)), nextCursor: page.nextCursor };
}
