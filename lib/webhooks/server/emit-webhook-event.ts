import "server-only";
import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJobsInTransaction } from "@/lib/jobs/server/enqueue-jobs-in-transaction";
import type { WebhookEventType } from "@/lib/webhooks/webhook.schemas";
import { deliverWebhookJob } from "@/lib/webhooks/server/deliver-webhook-job";

/**
 * Tells the workspace's webhooks about a change, in the transaction that makes the change: the event
 * (the outbox row), one delivery per enabled endpoint that asked for this type, and their jobs all
 * commit with the change, or not at all. Call it from where the change happens (update-claim.ts,
 * create-passage.ts, publishing). Returns the event id, or null when no endpoint listens.
 */
export async function emitWebhookEvent(
  tx: DbTransaction,
  { workspaceId, type, payload }: { workspaceId: string; type: WebhookEventType; payload: Record<string, unknown> },
): Promise<string | null> {
  const webhooks = await tx.webhook.findMany({
    where: { workspaceId, isEnabled: true, events: { has: type } },
    select: { id: true, url: true },
  });
  if (webhooks.length === 0) return null;
  const event = await tx.webhookEvent.create({
    data: { workspaceId, type, data: payload as Prisma.InputJsonValue },
    select: { id: true },
  });
  const deliveries = await tx.webhookDelivery.createManyAndReturn({
    data: webhooks.map((webhook) => ({ webhookId: webhook.id, eventId: event.id })),
    select: { id: true, webhookId: true },
  });
  const urlOf = new Map(webhooks.map((webhook) => [webhook.id, webhook.url]));
  await enqueueJobsInTransaction(
    tx,
    deliverWebhookJob,
    deliveries.map((delivery) => ({ workspaceId, payload: { deliveryId: delivery.id, type, url: urlOf.get(delivery.webhookId) ?? "" } })),
  );
  return event.id;
}
