import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { requireWebhook } from "@/lib/webhooks/server/webhook-access";

/** Deletes an endpoint with its deliveries log; queued deliveries find nothing and stop. */
export async function deleteWebhook({ actor, workspaceId, webhookId }: { actor: Actor; workspaceId: string; webhookId: string }): Promise<void> {
  const found = await requireWebhook(actor, workspaceId, webhookId);
  await db.$transaction(async (tx) => {
    await tx.webhook.delete({ where: { id: found.id } });
    await recordAuditEvents(tx, [{ workspaceId, actorId: actor.userId, entityType: "webhook", entityId: found.id, action: "webhook.deleted", before: { url: found.url } }]);
  });
}
