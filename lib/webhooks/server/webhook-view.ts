import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookDelivery, type WebhookEventType } from "@/lib/webhooks/webhook.schemas";

export const webhookSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  isEnabled: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
} satisfies Prisma.WebhookSelect;

const isEventType = (value: string): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

export function toWebhook(row: Prisma.WebhookGetPayload<{ select: typeof webhookSelect }>): Webhook {
  return {
    ...row,
    events: row.events.filter(isEventType),
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export const webhookDeliverySelect = {
  id: true,
  eventId: true,
  state: true,
  attempts: true,
  httpStatus: true,
  latencyMs: true,
  responseExcerpt: true,
  error: true,
  lastAttemptAt: true,
  nextRetryAt: true,
  createdAt: true,
  event: { select: { type: true } },
} satisfies Prisma.WebhookDeliverySelect;

const DELIVERY_STATES = ["pending", "retrying", "succeeded", "failed"] as const;

export function toWebhookDelivery(row: Prisma.WebhookDeliveryGetPayload<{ select: typeof webhookDeliverySelect }>): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    type: isEventType(row.event.type) ? row.event.type : "claim.verified",
    state: DELIVERY_STATES.find((state) => state === row.state) ?? "pending",
    attempt: row.attempts,
    httpStatus: row.httpStatus,
    latencyMs: row.latencyMs,
    responseExcerpt: row.responseExcerpt,
    error: row.error,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
