import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { ClaimHistory } from "@/lib/claims/claim.schemas";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { hidesUndecidedLabels } from "@/lib/claims/server/claim-view";
import { db } from "@/lib/db";

/** Every recorded change of a claim, its evidence and comments, oldest first. */
export async function getClaimHistory({ actor, claimId }: { actor: Actor; claimId: string }): Promise<ClaimHistory> {
  const access = await requireClaimAccess(actor, claimId, "workspace.read", { includeDeleted: true });
  const { role } = access;
  // In blind double review a reviewer must not learn another reviewer's vote from the history.
  const hidesOthersVotes = !can(role, "claim.decide");
  // Nor, while no editor has decided the label, a label someone else set (before blind review was on).
  const hidesOthersLabels =
    hidesUndecidedLabels(access) && (await db.claim.findUnique({ where: { id: claimId }, select: { labelDecidedById: true } }))?.labelDecidedById === null;
  const isOthers = (event: { actor: { id: string } | null }) => event.actor?.id !== actor.userId;
  const events = await db.auditEvent.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, createdAt: true, action: true, field: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
  return {
    items: events
      .filter((event) => !(hidesOthersVotes && event.action === "claim.blind_labelled" && isOthers(event)))
      .filter((event) => !(hidesOthersLabels && event.field === "label" && isOthers(event)))
      .map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      actor: event.actor,
      action: event.action,
      field: event.field,
      before: event.before,
      after: hidesOthersLabels && event.action === "claim.created" && isOthers(event) ? withoutLabel(event.after) : event.after,
    })),
  };
}

function withoutLabel(after: unknown): unknown {
  return after !== null && typeof after === "object" && "label" in after ? { ...after, label: null } : after;
}
