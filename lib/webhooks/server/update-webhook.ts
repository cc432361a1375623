import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { checkFetchableUrl } from "@/lib/fetching/safe-fetch";
import { type UpdateWebhookInput, UpdateWebhookInputSchema, type Webhook } from "@/lib/webhooks/webhook.schemas";
import { requireWebhook } from "@/lib/webhooks/server/webhook-access";
import { toWebhook, webhookSelect } from "@/lib/webhooks/server/webhook-view";

/** Changes an endpoint's address, events or description, or switches it on or off (owners). */
export async function updateWebhook({
  actor,
  workspaceId,
  webhookId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  webhookId: string;
  input: UpdateWebhookInput;
}): Promise<Webhook> {
  const found = await requireWebhook(actor, workspaceId, webhookId);
  const changes = UpdateWebhookInputSchema.parse(input);
  if (changes.url !== undefined) await checkFetchableUrl(changes.url);
  const switching =
    changes.isEnabled === undefined || changes.isEnabled === found.isEnabled
      ? {}
      : changes.isEnabled
        ? { isEnabled: true, disabledReason: null, failingSince: null }
        : { isEnabled: false, disabledReason: "Switched off by an owner." };
  return db.$transaction(async (tx) => {
    const row = await tx.webhook.update({
      where: { id: found.id },
      data: { url: changes.url, events: changes.events, description: changes.description, ...switching },
      select: webhookSelect,
    });
    await recordAuditEvents(tx, [
      { workspaceId, actorId: actor.userId, entityType: "webhook", entityId: found.id, action: "webhook.updated", after: { ...changes } },
    ]);
    return toWebhook(row);
  });
}
