import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { AUTH_BODY_LIMIT_BYTES, guardAuthPost } from "@/lib/auth/server/guard-auth-post";
import { PEER_ADDRESS_HEADER } from "@/lib/http/trusted-proxies";

const CHUNK_BYTES = 16 * 1024;
const ATTACK_BYTES = 200 * 1024 * 1024;

/** An anonymous form body that would be 200 MB, produced only as it is read; counts what was read. */
function streamedForm(extraHeaders: Record<string, string> = {}) {
  let pulledBytes = 0;
  const chunk = new TextEncoder().encode("a".repeat(CHUNK_BYTES));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulledBytes >= ATTACK_BYTES) return controller.close();
      pulledBytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [PEER_ADDRESS_HEADER]: "203.0.113.50", ...extraHeaders },
    body,
    duplex: "half",
  });
  return { request, pulledBytes: () => pulledBytes };
}

const context = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

describe("bodies sent to next-auth's routes are capped before they are read", () => {
  it("answers a streamed 200 MB credentials form with 413 in the error shape, having read little more than the cap", async () => {
    const { request, pulledBytes } = streamedForm();
    const response = await authPost(request, context("callback", "credentials"));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "payload_too_large", message: expect.stringContaining("too large") } });
    // The stream may run a couple of chunks ahead of the reader, never far.
    expect(pulledBytes()).toBeLessThanOrEqual(AUTH_BODY_LIMIT_BYTES + 4 * CHUNK_BYTES);
  });

  it("refuses a declared Content-Length over the cap without reading the body", async () => {
    const { request, pulledBytes } = streamedForm({ "content-length": String(ATTACK_BYTES) });
    const response = await authPost(request, context("signout"));
    expect(response.status).toBe(413);
    expect(pulledBytes()).toBeLessThanOrEqual(4 * CHUNK_BYTES);
  });

  it("hands a normal sign-in form on to next-auth unchanged", async () => {
    const form = new URLSearchParams({ email: "someone@example.test", password: "a long enough password", csrfToken: "token", json: "true" }).toString();
    const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", [PEER_ADDRESS_HEADER]: "203.0.113.51" },
      body: form,
    });
    const passed = await guardAuthPost(request, "callback/credentials");
    expect(passed).toBeInstanceOf(NextRequest);
    const handedOn = passed as NextRequest;
    expect(await handedOn.text()).toBe(form);
    expect(handedOn.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(handedOn.nextUrl.pathname).toBe("/api/auth/callback/credentials");
  });
});
