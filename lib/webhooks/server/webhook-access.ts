import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** An owner's webhook of the workspace, or 404 (non-members and other workspaces' ids alike). */
export async function requireWebhook(actor: Actor, workspaceId: string, webhookId: string) {
  await requireWorkspaceAccess(actor, workspaceId, "webhook.manage");
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, workspaceId }, select: { id: true, url: true, isEnabled: true } });
  if (!webhook) throw notFound("This webhook");
  return webhook;
}
