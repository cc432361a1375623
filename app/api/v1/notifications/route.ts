import { defineRoute } from "@/lib/http/define-route";
import { ListNotificationsQuerySchema } from "@/lib/notifications/notification.schemas";
import { listNotifications } from "@/lib/notifications/server/list-notifications";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  query: ListNotificationsQuerySchema,
  handler: async ({ actor, query }) => ({ body: await listNotifications({ actor, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
