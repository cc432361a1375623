import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { MarkedNotificationsRead, MarkNotificationsReadInput } from "@/lib/notifications/notification.schemas";

/** Marks the caller's own notifications read; ids of anyone else's are ignored, not revealed. */
export async function markNotificationsRead({ actor, input }: { actor: Actor; input: MarkNotificationsReadInput }): Promise<MarkedNotificationsRead> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: actor.userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    const unreadCount = await tx.notification.count({ where: { userId: actor.userId, readAt: null } });
    return { updated: count, unreadCount };
  });
}
