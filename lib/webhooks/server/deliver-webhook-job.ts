import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { safeFetch, SafeFetchError } from "@/lib/fetching/safe-fetch";
import { AppError } from "@/lib/http/errors";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { defineJobKind, permanentFailure, type RetryPolicy } from "@/lib/jobs/server/job-kind";
import { signWebhookBody } from "@/lib/webhooks/webhook-signature";
import { WebhookEventTypeSchema } from "@/lib/webhooks/webhook.schemas";

/**
 * By default 13 attempts: pg-boss waits 20 s × 2^n (up to twice that, jittered) between them, so the
 * last retry comes roughly a day after the first try (≈ 23 h at the shortest). Settings in lib/env.ts.
 */
export function webhookRetryPolicy(): RetryPolicy {
  const env = serverEnv();
  return { limit: env.WEBHOOK_RETRY_LIMIT, delaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS, backoff: true };
}
/** A run of failed deliveries this long switches the endpoint off (and tells the owners). */
export const WEBHOOK_FAILING_LIMIT_MS = 24 * 60 * 60 * 1000;
const RESPONSE_EXCERPT_LENGTH = 500;

const DeliverWebhookPayloadSchema = z.object({ deliveryId: IdSchema, type: WebhookEventTypeSchema, url: text().max(2048) });
type DeliverWebhookPayload = z.infer<typeof DeliverWebhookPayloadSchema>;

/** The receiver's answer as plain storable text (no NULs, no broken characters). */
function excerptOf(body: Buffer): string {
  return body
    .subarray(0, RESPONSE_EXCERPT_LENGTH * 4)
    .toString("utf8")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g, "")
    .slice(0, RESPONSE_EXCERPT_LENGTH);
}

/** Seconds pg-boss waits at the least before the given retry (its backoff doubles, then adds up to as much again). */
export function retryDelaySeconds(policy: RetryPolicy, retryNumber: number): number {
  return policy.backoff ? Math.max(policy.delaySeconds, 1) * 2 ** Math.min(16, retryNumber - 1) : policy.delaySeconds;
}

/** One attempt to deliver one event to one endpoint; a failed attempt throws, and pg-boss retries it with backoff. */
export async function deliverWebhook(payload: DeliverWebhookPayload, context: { attempt: number; maxAttempts: number }, retry: RetryPolicy) {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: payload.deliveryId },
    select: {
      id: true,
      attempts: true,
      event: { select: { id: true, type: true, workspaceId: true, data: true, createdAt: true } },
      webhook: { select: { id: true, url: true, secret: true, isEnabled: true, failingSince: true, workspaceId: true, workspace: { select: { name: true } } } },
    },
  });
  // The endpoint was deleted meanwhile.
  if (!delivery) return { skipped: true };
  const { webhook, event } = delivery;
  if (!webhook.isEnabled) {
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { state: "failed", error: "The endpoint is switched off; switch it on and redeliver.", nextRetryAt: null },
    });
    return { skipped: true };
  }
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), workspaceId: event.workspaceId, data: event.data });
  const timestamp = Math.floor(Date.now() / 1000);
  const attempt = delivery.attempts + 1;
  const started = new Date();
  let outcome: { httpStatus: number | null; latencyMs: number | null; responseExcerpt: string | null; error: string | null; isRefused: boolean };
  try {
    const answer = await safeFetch(webhook.url, {
      method: "POST",
      body,
      accept: "any",
      headers: {
        "content-type": "application/json",
        "ClaimDesk-Webhook-Id": event.id,
        "ClaimDesk-Webhook-Timestamp": String(timestamp),
        "ClaimDesk-Webhook-Signature": signWebhookBody(webhook.secret, timestamp, body),
      },
      // Never followed: a receiver that redirects is answered as a failure (docs/webhooks.md).
      settings: { maxRedirects: 0 },
    });
    const isSuccess = answer.status >= 200 && answer.status < 300;
    outcome = {
      httpStatus: answer.status,
      latencyMs: answer.elapsedMs,
      responseExcerpt: excerptOf(answer.body),
      error: isSuccess ? null : `The endpoint answered HTTP ${answer.status}.`,
      isRefused: false,
    };
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    outcome = {
      httpStatus: null,
      latencyMs: Math.round(Date.now() - started.getTime()),
      responseExcerpt: null,
      error: error.reason === "too_many_redirects" ? "The endpoint answered with a redirect; webhooks never follow redirects." : error.message,
      isRefused: error.reason === "not_allowed",
    };
  }

  const record = { attempts: attempt, httpStatus: outcome.httpStatus, latencyMs: outcome.latencyMs, responseExcerpt: outcome.responseExcerpt, error: outcome.error, lastAttemptAt: started };
  if (outcome.error === null) {
    await db.$transaction([
      db.webhookDelivery.update({ where: { id: delivery.id }, data: { ...record, state: "succeeded", nextRetryAt: null } }),
      db.webhook.update({ where: { id: webhook.id }, data: { failingSince: null } }),
    ]);
    return { deliveryId: delivery.id, httpStatus: outcome.httpStatus };
  }

  const failingSince = webhook.failingSince ?? started;
  const isFailingTooLong = started.getTime() - failingSince.getTime() >= WEBHOOK_FAILING_LIMIT_MS;
  const isFinal = outcome.isRefused || isFailingTooLong || context.attempt >= context.maxAttempts;
  const nextRetryAt = isFinal ? null : new Date(started.getTime() + retryDelaySeconds(retry, context.attempt) * 1000);
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { ...record, state: isFinal ? "failed" : "retrying", nextRetryAt } });
    if (!isFailingTooLong) {
      await tx.webhook.updateMany({ where: { id: webhook.id, failingSince: null }, data: { failingSince } });
      return;
    }
    const reason = `Switched off on ${started.toISOString().slice(0, 10)}: deliveries failed for a day (last: ${outcome.error})`;
    const switched = await tx.webhook.updateMany({ where: { id: webhook.id, isEnabled: true }, data: { isEnabled: false, disabledReason: reason.slice(0, 500) } });
    if (switched.count === 0) return;
    const owners = await tx.membership.findMany({ where: { workspaceId: webhook.workspaceId, role: "owner" }, select: { userId: true } });
    await tx.notification.createMany({ data: owners.map((owner) => ({ userId: owner.userId, workspaceId: webhook.workspaceId, kind: "webhook_disabled" })) });
  });
  const failure = new AppError("fetch_failed", outcome.error ?? "The delivery failed.");
  throw outcome.isRefused || isFailingTooLong ? permanentFailure(failure) : failure;
}

/** Sends one event to one endpoint, signed; retried with exponential backoff for about a day. */
export const deliverWebhookJob = defineJobKind({
  name: "webhook.deliver",
  payload: DeliverWebhookPayloadSchema,
  subject: (payload) => `${payload.type} → ${payload.url}`,
  // Read when queues are made and jobs queued, not at import, so the settings are the running app's.
  get retry() {
    return webhookRetryPolicy();
  },
  expireInSeconds: 60,
  handler: (payload, context) => deliverWebhook(payload, context, webhookRetryPolicy()),
  // The endpoint's log says why a delivery stopped, rather than "pending" for ever.
  abandoned: async (payload, { message, isFinal }) => {
    await db.webhookDelivery.updateMany({
      where: { id: payload.deliveryId, state: { in: ["pending", "retrying"] } },
      data: { state: isFinal ? "failed" : "retrying", error: message, nextRetryAt: null },
    });
  },
});
