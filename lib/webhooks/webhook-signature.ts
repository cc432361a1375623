import { createHmac, timingSafeEqual } from "node:crypto";

// docs/webhooks.md › Verifying a delivery: the receiver's side of this, with the same steps.

/** Seconds a receiver should accept a delivery's timestamp either side of its own clock. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the ClaimDesk-Webhook-Signature header. */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Whether a delivery is genuine and fresh: the recipe of docs/webhooks.md, used by the tests as a receiver would. */
export function verifyWebhookSignature({
  secret,
  timestamp,
  body,
  signature,
  nowSeconds = Math.floor(Date.now() / 1000),
}: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  nowSeconds?: number;
}): boolean {
  const sent = Number(timestamp);
  if (!Number.isInteger(sent) || Math.abs(nowSeconds - sent) > REPLAY_WINDOW_SECONDS) return false;
  const expected = Buffer.from(signWebhookBody(secret, sent, body));
  return signature.split(",").some((candidate) => {
    const given = Buffer.from(candidate.trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
