import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as createUser } from "@/app/api/v1/users/route";
import { POST as createWorkspace } from "@/app/api/v1/workspaces/route";
import { POST as createInvitation } from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import { GET as exportClaims } from "@/app/api/v1/workspaces/[workspaceId]/export/route";
import { guardAuthPost } from "@/lib/auth/server/guard-auth-post";
import { configureSignInRateLimits } from "@/lib/auth/server/sign-in-rate-limit";
import { configureSignUpRateLimit } from "@/lib/auth/server/sign-up-rate-limit";
import { createDbClient } from "@/lib/db";
import { configuredDatabaseUrl } from "@/lib/env";
import { createApiTokenRecord, createClaimRecord, createPassageRecord, createUserRecord, createWorkspaceRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import { PEER_ADDRESS_HEADER } from "@/lib/http/trusted-proxies";
import { configureWriteRateLimits } from "@/lib/http/write-rate-limit";
import { GET as apiDocs } from "@/app/api/docs/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { callRoute, sessionToken } from "@/scripts/test/route-client";

// Settings for this file's app instance (read once, before the first request): one trusted proxy
// range, and no pinned public URL, so links and the same-origin check follow the request.
vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8");
vi.stubEnv("NEXTAUTH_URL", "");

const db = createDbClient(configuredDatabaseUrl() ?? "");
const UNTRUSTED_PEER = "203.0.113.7";
const PROXY = "10.1.2.3";

/** Headers as our web server hands them on: the socket peer, plus whatever the client or proxy sent. */
const from = (peer: string, headers: Record<string, string> = {}) => ({ [PEER_ADDRESS_HEADER]: peer, ...headers });

const write = (headers: Record<string, string>) =>
  callRoute(createWorkspace, "POST", "/api/v1/workspaces", { headers, body: { name: "Address desk" } });

const signUp = (headers: Record<string, string>) =>
  callRoute(createUser, "POST", "/api/v1/users", {
    headers,
    body: { email: `signup-${uniqueSuffix()}@example.test`, password: "correct horse battery", name: "New Person" },
  });

function credentialsRequest(headers: Record<string, string>, email = `someone-${uniqueSuffix()}@example.test`) {
  return new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password: "wrong-password-123", csrfToken: "t", json: "true" }).toString(),
  });
}
const authContext = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

// Fresh counters for every test: tests of one file share an app instance.
beforeEach(() => {
  configureWriteRateLimits();
  configureSignInRateLimits();
  configureSignUpRateLimit();
});

afterAll(() => {
  configureWriteRateLimits();
  configureSignInRateLimits();
  configureSignUpRateLimit();
});

describe("per-address limits key on the socket address, not on X-Forwarded-For as sent", () => {
  beforeEach(() => {
    configureSignUpRateLimit(2);
    configureSignInRateLimits({ perEmail: 1000, perAddress: 2 });
  });

  // The write limit per address counts callers who are not signed in (signed-in ones count per person): 401 until it is spent.
  it("write limit: rotating X-Forwarded-For from an untrusted peer does not reset it", async () => {
    configureWriteRateLimits({ perAddressPerMinute: 2 });
    for (const forged of ["198.51.100.1", "198.51.100.2"]) {
      expect((await write(from(UNTRUSTED_PEER, { "x-forwarded-for": forged }))).status).toBe(401);
    }
    const limited = await write(from(UNTRUSTED_PEER, { "x-forwarded-for": "198.51.100.3" }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await write(from("203.0.113.8"))).status).toBe(401);
  });

  it("sign-up limit: rotating X-Forwarded-For from an untrusted peer does not reset it; 429 with Retry-After", async () => {
    for (const forged of ["198.51.100.1", "198.51.100.2"]) {
      expect((await signUp(from(UNTRUSTED_PEER, { "x-forwarded-for": forged }))).status).toBe(201);
    }
    const limited = await signUp(from(UNTRUSTED_PEER, { "x-forwarded-for": "198.51.100.3" }));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(limited.body).toEqual({
      error: { code: "rate_limited", message: expect.stringContaining("Too many accounts"), details: { retryAfterSeconds: retryAfter } },
    });
    expect((await signUp(from("203.0.113.8"))).status).toBe(201);
  });

  it("sign-in limit: rotating X-Forwarded-For from an untrusted peer does not reset it", async () => {
    for (const forged of ["198.51.100.1", "198.51.100.2"]) {
      const passed = await guardAuthPost(credentialsRequest(from(UNTRUSTED_PEER, { "x-forwarded-for": forged })), "callback/credentials");
      expect(passed).toBeInstanceOf(NextRequest);
    }
    // Refused by the route itself, before next-auth sees the request.
    const limited = await authPost(credentialsRequest(from(UNTRUSTED_PEER, { "x-forwarded-for": "198.51.100.3" })), authContext("callback", "credentials"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(await guardAuthPost(credentialsRequest(from("203.0.113.8")), "callback/credentials")).toBeInstanceOf(NextRequest);
  });

  it("behind a trusted proxy, the forwarded client address is used, walking X-Forwarded-For from the right", async () => {
    configureWriteRateLimits({ perAddressPerMinute: 2 });
    // The client wrote the left entry itself; the proxy appended the address it saw.
    const viaProxy = (client: string) => from(PROXY, { "x-forwarded-for": `198.51.100.99, ${client}, 10.9.9.9` });
    expect((await write(viaProxy("192.0.2.1"))).status).toBe(401);
    expect((await write(viaProxy("192.0.2.1"))).status).toBe(401);
    expect((await write(viaProxy("192.0.2.1"))).status).toBe(429);
    expect((await write(viaProxy("192.0.2.2"))).status).toBe(401);

    configureWriteRateLimits();
    expect((await signUp(from(PROXY, { "x-forwarded-for": "192.0.2.1" }))).status).toBe(201);
    expect((await signUp(from(PROXY, { "x-forwarded-for": "192.0.2.1" }))).status).toBe(201);
    expect((await signUp(from(PROXY, { "x-forwarded-for": "192.0.2.1" }))).body).toMatchObject({ error: { message: expect.stringContaining("Too many accounts") } });
    expect((await signUp(from(PROXY, { "x-forwarded-for": "192.0.2.2" }))).status).toBe(201);

    for (const client of ["192.0.2.1", "192.0.2.1"]) {
      expect(await guardAuthPost(credentialsRequest(from(PROXY, { "x-forwarded-for": client })), "callback/credentials")).toBeInstanceOf(NextRequest);
    }
    const limited = await authPost(credentialsRequest(from(PROXY, { "x-forwarded-for": "192.0.2.1" })), authContext("callback", "credentials"));
    expect(limited.status).toBe(429);
    expect(await guardAuthPost(credentialsRequest(from(PROXY, { "x-forwarded-for": "192.0.2.2" })), "callback/credentials")).toBeInstanceOf(NextRequest);
  });
});

describe("same-origin check for cookie changes: Origin against the request's own Host", () => {
  /** A signed-in browser's change; over https next-auth names its cookie __Secure-. */
  const changeAs = async (headers: Record<string, string>, origin: string, isHttps = false) => {
    const user = await createUserRecord(db);
    const cookie = `${isHttps ? "__Secure-" : ""}next-auth.session-token=${await sessionToken(user)}`;
    return callRoute(createWorkspace, "POST", "/api/v1/workspaces", { isCrossSite: true, headers: { ...headers, cookie, origin }, body: { name: "Named desk" } });
  };

  it("accepts a change from the page at any name the app is reached by", async () => {
    for (const host of ["127.0.0.1:3000", "desk-pc:3000", "192.168.1.20:3000", "localhost:3000"]) {
      expect((await changeAs(from(UNTRUSTED_PEER, { host }), `http://${host}`)).status, host).toBe(201);
    }
  });

  it("refuses an Origin that is not the request's Host", async () => {
    const refused = await changeAs(from(UNTRUSTED_PEER, { host: "127.0.0.1:3000" }), "http://localhost:3000");
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("Cross-site") } });
    expect((await changeAs(from(UNTRUSTED_PEER, { host: "127.0.0.1:3000" }), "http://evil.example")).status).toBe(403);
  });

  it("ignores X-Forwarded-Host and -Proto from an untrusted peer", async () => {
    const forged = from(UNTRUSTED_PEER, { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect((await changeAs(forged, "https://evil.example")).status).toBe(403);
    expect((await changeAs(forged, "http://127.0.0.1:3000")).status).toBe(201);
  });

  it("honours X-Forwarded-Host and -Proto from a trusted proxy", async () => {
    const proxied = from(PROXY, { host: "10.1.2.3:3000", "x-forwarded-host": "desk.example.org", "x-forwarded-proto": "https" });
    expect((await changeAs(proxied, "https://desk.example.org", true)).status).toBe(201);
    expect((await changeAs(proxied, "http://10.1.2.3:3000", true)).status).toBe(403);
  });
});

describe("sessions behind a trusted HTTPS proxy", () => {
  it("finds next-auth's __Secure- session cookie, which it sets when the forwarded scheme is https", async () => {
    const user = await createUserRecord(db);
    const cookie = `__Secure-next-auth.session-token=${await sessionToken(user)}`;
    const proxied = from(PROXY, { host: "10.1.2.3:3000", "x-forwarded-host": "desk.example.org", "x-forwarded-proto": "https", cookie });
    const me = await callRoute(getMe, "GET", "/api/v1/me", { headers: proxied });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id });
  });
});

describe("links follow the name the request used when no public URL is configured", () => {
  it("puts the request's host into invitation links and export links", async () => {
    const owner = await createUserRecord(db);
    const workspace = await createWorkspaceRecord(db, { ownerId: owner.id });
    const headers = from(UNTRUSTED_PEER, { host: "desk-pc:3000" });

    const invitation = await callRoute(createInvitation, "POST", `/api/v1/workspaces/${workspace.id}/invitations`, {
      as: owner,
      isCrossSite: true,
      headers: { ...headers, origin: "http://desk-pc:3000" },
      params: { workspaceId: workspace.id },
      body: { email: `invitee-${uniqueSuffix()}@example.test`, role: "reviewer" },
    });
    expect(invitation.status).toBe(201);
    expect((invitation.body as { url: string }).url).toMatch(/^http:\/\/desk-pc:3000\/invitations\//);

    const passage = await createPassageRecord(db, { workspaceId: workspace.id, createdById: owner.id, text: "The bridge opened in 1932." });
    await createClaimRecord(db, { passage, exact: "opened in 1932", createdById: owner.id, label: "factual", state: "verified", verdict: "true" });
    const exported = await exportWithHost(owner.id, workspace.id, "desk-pc:3000");
    expect(exported).toContain(`http://desk-pc:3000/w/${workspace.id}/passages/${passage.id}`);
    expect(exported).not.toContain("localhost");
  });
});

describe("redirects stay on the name the browser used", () => {
  it("sends /api/docs to the reference page without naming a host", () => {
    const response = apiDocs();
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/docs/api");
  });
});

async function exportWithHost(userId: string, workspaceId: string, host: string): Promise<string> {
  const { secret } = await createApiTokenRecord(db, { userId });
  const request = new NextRequest(`http://localhost:3000/api/v1/workspaces/${workspaceId}/export?format=jsonl`, {
    headers: from(UNTRUSTED_PEER, { host, authorization: `Bearer ${secret}` }),
  });
  const response = await exportClaims(request, { params: Promise.resolve({ workspaceId }) });
  expect(response.status).toBe(200);
  return response.text();
}
