import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { checkFetchableUrl } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";
import { type CreatedWebhook, type CreateWebhookInput, CreateWebhookInputSchema, WEBHOOKS_PER_WORKSPACE } from "@/lib/webhooks/webhook.schemas";
import { toWebhook, webhookSelect } from "@/lib/webhooks/server/webhook-view";

/** Registers an endpoint (owners). Its address must be one safeFetch would reach; the secret is returned this once. */
export async function createWebhook({ actor, workspaceId, input }: { actor: Actor; workspaceId: string; input: CreateWebhookInput }): Promise<CreatedWebhook> {
  await requireWorkspaceAccess(actor, workspaceId, "webhook.manage");
  const { url, events, description } = CreateWebhookInputSchema.parse(input);
  // Checked again at every delivery: a name may resolve elsewhere later.
  await checkFetchableUrl(url);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const count = await tx.webhook.count({ where: { workspaceId } });
    if (count >= WEBHOOKS_PER_WORKSPACE) throw new AppError("conflict", `A workspace has at most ${WEBHOOKS_PER_WORKSPACE} webhooks; delete one first.`);
    const row = await tx.webhook.create({ data: { workspaceId, url, events, description, secret, createdById: actor.userId }, select: webhookSelect });
    await recordAuditEvents(tx, [
      { workspaceId, actorId: actor.userId, entityType: "webhook", entityId: row.id, action: "webhook.created", after: { url, events, description: description ?? null } },
    ]);
    return { ...toWebhook(row), secret };
  });
}
