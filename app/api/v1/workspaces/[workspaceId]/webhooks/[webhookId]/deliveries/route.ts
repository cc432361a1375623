import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listWebhookDeliveries } from "@/lib/webhooks/server/list-webhook-deliveries";
import { listWebhookDeliveriesEndpoint } from "@/lib/webhooks/webhooks.endpoints";

export const GET = defineRoute(listWebhookDeliveriesEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listWebhookDeliveries({ actor, ...params, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
