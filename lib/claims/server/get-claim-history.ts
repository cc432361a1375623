import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { ClaimHistory } from "@/lib/claims/claim.schemas";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { db } from "@/lib/db";

/** Every recorded change of a claim, its evidence and comments, oldest first. */
export async function getClaimHistory({ actor, claimId }: { actor: Actor; claimId: string }): Promise<ClaimHistory> {
  const { role } = await requireClaimAccess(actor, claimId, "workspace.read", { includeDeleted: true });
  // In blind double review a reviewer must not learn another reviewer's vote from the history.
  const hidesOthersVotes = !can(role, "claim.decide");
  const events = await db.auditEvent.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, createdAt: true, action: true, field: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
  return {
    items: events
      .filter((event) => !(hidesOthersVotes && event.action === "claim.blind_labelled" && event.actor?.id !== actor.userId))
      .map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      actor: event.actor,
      action: event.action,
      field: event.field,
      before: event.before,
      after: event.after,
    })),
  };
}
