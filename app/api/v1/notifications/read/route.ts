import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { markNotificationsReadEndpoint } from "@/lib/notifications/notifications.endpoints";
import { markNotificationsRead } from "@/lib/notifications/server/mark-notifications-read";

export const POST = defineRoute(markNotificationsReadEndpoint, {
  handler: async ({ actor, body }) => ({ body: await markNotificationsRead({ actor, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
