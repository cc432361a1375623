import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { enqueueJobsInTransaction } from "@/lib/jobs/server/enqueue-jobs-in-transaction";
import type { WebhookDelivery } from "@/lib/webhooks/webhook.schemas";
import { WebhookEventTypeSchema } from "@/lib/webhooks/webhook.schemas";
import { deliverWebhookJob } from "@/lib/webhooks/server/deliver-webhook-job";
import { requireWebhook } from "@/lib/webhooks/server/webhook-access";
import { toWebhookDelivery, webhookDeliverySelect } from "@/lib/webhooks/server/webhook-view";

/** Sends a delivery again (owners): the same event id, so a receiver that saw it already can tell; a fresh timestamp and signature. */
export async function redeliverWebhookDelivery({
  actor,
  workspaceId,
  webhookId,
  deliveryId,
}: {
  actor: Actor;
  workspaceId: string;
  webhookId: string;
  deliveryId: string;
}): Promise<WebhookDelivery> {
  const webhook = await requireWebhook(actor, workspaceId, webhookId);
  if (!webhook.isEnabled) throw new AppError("conflict", "This endpoint is switched off; switch it on before redelivering.");
  return db.$transaction(async (tx) => {
    const found = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId }, select: { id: true, state: true, event: { select: { type: true } } } });
    if (!found) throw notFound("This delivery");
    if (found.state === "pending" || found.state === "retrying") throw new AppError("conflict", "This delivery is still being tried; wait for it to finish.");
    const row = await tx.webhookDelivery.update({ where: { id: found.id }, data: { state: "pending", nextRetryAt: null, error: null }, select: webhookDeliverySelect });
    await enqueueJobsInTransaction(tx, deliverWebhookJob, [
      { workspaceId, createdById: actor.userId, payload: { deliveryId: found.id, type: WebhookEventTypeSchema.parse(found.event.type), url: webhook.url } },
    ]);
    await recordAuditEvents(tx, [{ workspaceId, actorId: actor.userId, entityType: "webhook", entityId: webhookId, action: "webhook.redelivered", after: { deliveryId } }]);
    return toWebhookDelivery(row);
  });
}
