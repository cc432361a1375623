import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { redeliverWebhookDelivery } from "@/lib/webhooks/server/redeliver-webhook-delivery";
import { redeliverWebhookDeliveryEndpoint } from "@/lib/webhooks/webhooks.endpoints";

export const POST = defineRoute(redeliverWebhookDeliveryEndpoint, {
  handler: async ({ actor, params }) => ({ status: 202, body: await redeliverWebhookDelivery({ actor, ...params }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
