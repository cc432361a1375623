import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePageActor } from "@/lib/auth/server/session";
import { listNotifications } from "@/lib/notifications/server/list-notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requirePageActor("/notifications");
  const { items } = await listNotifications({ actor, query: { limit: 100, unread: false } });
  return (
    <div className="stack">
      <h1>Notifications</h1>
      {items.length === 0 ? (
        <div className="empty-state card">
          <h2>Nothing new</h2>
          <p>When someone mentions you in a comment or assigns you a claim, it shows up here.</p>
          <Link href="/workspaces">Go to your workspaces</Link>
        </div>
      ) : (
        <NotificationList notifications={items} />
      )}
    </div>
  );
}
