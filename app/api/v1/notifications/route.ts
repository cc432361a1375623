import { defineRoute } from "@/lib/http/define-route";
import { ListNotificationsQuerySchema } from "@/lib/notifications/notification.schemas";
import { listNotifications } from "@/lib/notifications/server/list-notifications";

export const GET = defineRoute({
  auth: "required",
  query: ListNotificationsQuerySchema,
  handler: async ({ actor, query }) => ({ body: await listNotifications({ actor, query }) }),
});
