import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Claim } from "@/lib/claims/claim.schemas";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { claimSelect, toClaim } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export async function getClaim({ actor, claimId }: { actor: Actor; claimId: string }): Promise<Claim> {
  const viewer = await requireClaimAccess(actor, claimId, "workspace.read");
  const row = await db.claim.findUnique({ where: { id: claimId }, select: claimSelect });
  if (!row) throw notFound("This claim");
  return toClaim(row, viewer);
}
