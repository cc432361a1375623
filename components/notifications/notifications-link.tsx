"use client";

import Link from "next/link";
import { useUnreadNotificationCount } from "@/lib/notifications/client/notification-queries";

export function NotificationsLink() {
  const { data: unreadCount } = useUnreadNotificationCount();
  const label = unreadCount ? `Notifications (${unreadCount} unread)` : "Notifications";
  return (
    <Link href="/notifications" aria-label={label}>
      Notifications{unreadCount ? <span className="count-badge" aria-hidden="true">{unreadCount}</span> : null}
    </Link>
  );
}
