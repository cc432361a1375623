import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import type { WebhookList } from "@/lib/webhooks/webhook.schemas";
import { toWebhook, webhookSelect } from "@/lib/webhooks/server/webhook-view";

/** The workspace's endpoints, oldest first (at most WEBHOOKS_PER_WORKSPACE); never their secrets. */
export async function listWebhooks({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<WebhookList> {
  await requireWorkspaceAccess(actor, workspaceId, "webhook.manage");
  const rows = await db.webhook.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: webhookSelect });
  return { items: rows.map(toWebhook) };
}
