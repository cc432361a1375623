import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { expirePublicPagesOf } from "@/lib/publishing/server/public-cache";
import type { Passage } from "@/lib/passages/passage.schemas";
import { passageGone, requirePassageAccess } from "@/lib/passages/server/passage-access";
import { restorableUntil } from "@/lib/workspaces/restore-window";
import { assertTextNotInWorkspace } from "@/lib/passages/server/passage-duplicate";
import { passageSelect, toPassage } from "@/lib/passages/server/passage-view";

/**
 * Brings back a passage deleted less than 30 days ago, unless the same text was imported again in
 * the meantime (409, pointing to it). Restoring a passage that is not deleted changes nothing.
 */
export async function restorePassage({ actor, passageId }: { actor: Actor; passageId: string }): Promise<Passage> {
  return db.$transaction(async (tx) => {
    const { passage } = await requirePassageAccess(actor, passageId, "passage.manage", {
      client: tx,
      includeText: true,
      includeDeleted: true,
      forUpdate: true,
    });
    const { deletedAt } = passage;
    if (!deletedAt) return toPassage(passage);
    if (restorableUntil(deletedAt).getTime() <= Date.now()) throw passageGone(deletedAt);

    await assertTextNotInWorkspace(tx, { workspaceId: passage.workspaceId, textHash: passage.textHash, exceptPassageId: passage.id });
    const restored = await tx.passage.update({
      where: { id: passage.id },
      data: { deletedAt: null, deletedById: null },
      select: passageSelect,
    });
    await expirePublicPagesOf(tx, { passageId: passage.id });
    await recordAuditEvents(tx, [
      {
        workspaceId: passage.workspaceId,
        actorId: actor.userId,
        entityType: "passage",
        entityId: passage.id,
        action: "passage.restored",
        before: { deletedAt: deletedAt.toISOString() },
      },
    ]);
    return toPassage(restored);
  });
}
