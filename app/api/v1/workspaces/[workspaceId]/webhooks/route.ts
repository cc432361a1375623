import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createWebhook } from "@/lib/webhooks/server/create-webhook";
import { listWebhooks } from "@/lib/webhooks/server/list-webhooks";
import { createWebhookEndpoint, listWebhooksEndpoint } from "@/lib/webhooks/webhooks.endpoints";

export const GET = defineRoute(listWebhooksEndpoint, {
  handler: async ({ actor, params }) => ({ body: await listWebhooks({ actor, workspaceId: params.workspaceId }) }),
});

export const POST = defineRoute(createWebhookEndpoint, {
  handler: async ({ actor, params, body }) => ({ status: 201, body: await createWebhook({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
