"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMarkNotificationsRead } from "@/lib/notifications/client/notification-queries";
import type { Notification } from "@/lib/notifications/notification.schemas";
import { formatDateTime } from "@/lib/format-date";

function describe(notification: Notification): string {
  const who = notification.actor?.name ?? "Someone";
  if (notification.kind === "webhook_disabled") return "A webhook was switched off after a day of failed deliveries";
  return notification.kind === "mention" ? `${who} mentioned you` : `${who} assigned you a claim`;
}

export function NotificationList({ notifications }: { notifications: Notification[] }) {
  const router = useRouter();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.filter((notification) => notification.readAt === null);
  const refresh = () => router.refresh();

  return (
    <div className="stack">
      <div>
        <button type="button" className="button-secondary" disabled={unread.length === 0 || markRead.isPending} onClick={() => markRead.mutate({}, { onSuccess: refresh })}>
          Mark all read
        </button>
      </div>
      {markRead.isError && <p role="alert">{markRead.error.message}</p>}
      <ul className="notification-list">
        {notifications.map((notification) => {
          const href = notification.claim
            ? `/w/${notification.workspace.id}/passages/${notification.claim.passageId}?claim=${notification.claim.id}`
            : `/w/${notification.workspace.id}`;
          return (
            <li key={notification.id} className={notification.readAt ? undefined : "is-unread"}>
              <p className="notification-title">
                {notification.readAt ? null : <span className="badge">New</span>} {describe(notification)} in {notification.workspace.name} ·{" "}
                <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
              </p>
              {notification.claim && (
                <p>
                  <Link
                    href={href}
                    onClick={() => notification.readAt === null && markRead.mutate({ ids: [notification.id] })}
                  >
                    {notification.claim.statement}
                  </Link>
                </p>
              )}
              {notification.commentExcerpt && <blockquote className="comment-body">{notification.commentExcerpt}</blockquote>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
