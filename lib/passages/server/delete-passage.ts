import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { expirePublicPagesOf } from "@/lib/publishing/server/public-cache";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { restorableUntil } from "@/lib/workspaces/restore-window";

/** Soft-deletes a passage: it leaves every list at once, and an editor can restore it for 30 days. */
export async function deletePassage({ actor, passageId }: { actor: Actor; passageId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { passage } = await requirePassageAccess(actor, passageId, "passage.manage", { client: tx, forUpdate: true });
    const deletedAt = new Date();
    await tx.passage.update({
      where: { id: passage.id },
      data: { deletedAt, deletedById: actor.userId },
      select: { id: true },
    });
    await expirePublicPagesOf(tx, { passageId: passage.id });
    await recordAuditEvents(tx, [
      {
        workspaceId: passage.workspaceId,
        actorId: actor.userId,
        entityType: "passage",
        entityId: passage.id,
        action: "passage.deleted",
        after: { deletedAt: deletedAt.toISOString(), restorableUntil: restorableUntil(deletedAt).toISOString() },
      },
    ]);
  });
}
