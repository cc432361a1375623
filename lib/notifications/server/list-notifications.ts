import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { keysetPage, type PaginationQuery } from "@/lib/http/pagination";
import { NOTIFICATION_KINDS, type NotificationList } from "@/lib/notifications/notification.schemas";

const EXCERPT_LENGTH = 140;

/** The caller's notifications, newest first, only from workspaces they still belong to. */
export async function listNotifications({ actor, query }: { actor: Actor; query: PaginationQuery & { unread: boolean } }): Promise<NotificationList> {
  const visible = {
    userId: actor.userId,
    workspace: { memberships: { some: { userId: actor.userId } } },
    OR: [{ claimId: null }, { claim: { deletedAt: null } }],
  };
  const [page, unreadCount] = await Promise.all([
    keysetPage({
      query,
      order: { direction: "desc", columns: { createdAt: "date", id: "id" } },
      findRows: ({ after, orderBy, take }) =>
        db.notification.findMany({
          where: { AND: [visible, query.unread ? { readAt: null } : {}, after] },
          orderBy,
          take,
          select: {
            id: true,
            kind: true,
            readAt: true,
            createdAt: true,
            workspace: { select: { id: true, name: true } },
            actor: { select: { id: true, name: true } },
            claim: { select: { id: true, passageId: true, statement: true } },
            comment: { select: { body: true } },
          },
        }),
    }),
    db.notification.count({ where: { ...visible, readAt: null } }),
  ]);
  return {
    items: page.items.flatMap((row) => {
      const kind = NOTIFICATION_KINDS.find((known) => known === row.kind);
      if (!kind) return [];
      const body = row.comment?.body ?? null;
      return [
        {
          id: row.id,
          kind,
          workspace: row.workspace,
          actor: row.actor,
          claim: row.claim,
          commentExcerpt: body === null ? null : body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH - 1)}…` : body,
          readAt: row.readAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
        },
      ];
    }),
    nextCursor: page.nextCursor,
    unreadCount,
  };
}
