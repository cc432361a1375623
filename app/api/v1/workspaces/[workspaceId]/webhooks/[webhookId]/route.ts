import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { deleteWebhook } from "@/lib/webhooks/server/delete-webhook";
import { updateWebhook } from "@/lib/webhooks/server/update-webhook";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/webhooks.endpoints";

export const PATCH = defineRoute(updateWebhookEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await updateWebhook({ actor, ...params, input: body }) }),
});

export const DELETE = defineRoute(deleteWebhookEndpoint, {
  handler: async ({ actor, params }) => {
    await deleteWebhook({ actor, ...params });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT } = otherMethods({ PATCH, DELETE });
