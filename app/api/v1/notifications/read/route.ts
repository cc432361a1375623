import { defineRoute } from "@/lib/http/define-route";
import { MarkNotificationsReadInputSchema } from "@/lib/notifications/notification.schemas";
import { markNotificationsRead } from "@/lib/notifications/server/mark-notifications-read";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  body: MarkNotificationsReadInputSchema,
  handler: async ({ actor, body }) => ({ body: await markNotificationsRead({ actor, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
