import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { keysetPage, type PaginationQuery } from "@/lib/http/pagination";
import type { WebhookDeliveryPage } from "@/lib/webhooks/webhook.schemas";
import { requireWebhook } from "@/lib/webhooks/server/webhook-access";
import { toWebhookDelivery, webhookDeliverySelect } from "@/lib/webhooks/server/webhook-view";

/** An endpoint's deliveries log, newest first. */
export async function listWebhookDeliveries({
  actor,
  workspaceId,
  webhookId,
  query,
}: {
  actor: Actor;
  workspaceId: string;
  webhookId: string;
  query: PaginationQuery;
}): Promise<WebhookDeliveryPage> {
  await requireWebhook(actor, workspaceId, webhookId);
  const page = await keysetPage({
    query,
    order: { direction: "desc", columns: { createdAt: "date", id: "id" } },
    findRows: ({ after, orderBy, take }) => db.webhookDelivery.findMany({ where: { webhookId, ...after }, orderBy, take, select: webhookDeliverySelect }),
  });
  return { items: page.items.map(toWebhookDelivery), nextCursor: page.nextCursor };
}
