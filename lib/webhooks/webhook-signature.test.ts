import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/webhooks/webhook-signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ id: "evt_1", type: "claim.verified" });

  it("verifies a fresh, untouched delivery", () => {
    const signature = signWebhookBody(secret, 1_700_000_000, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, timestamp: "1700000000", body, signature, nowSeconds: 1_700_000_100 })).toBe(true);
  });

  it("refuses a changed body, another secret, and a timestamp outside the five-minute window", () => {
    const signature = signWebhookBody(secret, 1_700_000_000, body);
    expect(verifyWebhookSignature({ secret, timestamp: "1700000000", body: `${body} `, signature, nowSeconds: 1_700_000_000 })).toBe(false);
    expect(verifyWebhookSignature({ secret: "other", timestamp: "1700000000", body, signature, nowSeconds: 1_700_000_000 })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: "1700000000", body, signature, nowSeconds: 1_700_000_301 })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: "1700000001", body, signature, nowSeconds: 1_700_000_000 })).toBe(false);
  });
});
