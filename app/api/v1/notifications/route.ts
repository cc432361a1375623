import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listNotificationsEndpoint } from "@/lib/notifications/notifications.endpoints";
import { listNotifications } from "@/lib/notifications/server/list-notifications";

export const GET = defineRoute(listNotificationsEndpoint, {
  handler: async ({ actor, query }) => ({ body: await listNotifications({ actor, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
