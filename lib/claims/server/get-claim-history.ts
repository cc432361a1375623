import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { db } from "@/lib/db";

/** Every recorded change of a claim, its evidence and comments, oldest first. */
export async function getClaimHistory({ actor, claimId }: { actor: Actor; claimId: string }) {
  await requireClaimAccess(actor, claimId, "workspace.read", { includeDeleted: true });
  const events = await db.auditEvent.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, createdAt: true, action: true, field: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
  return {
    items: events.map((event) => ({
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
