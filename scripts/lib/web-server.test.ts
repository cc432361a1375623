import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { NO_TRUSTED_PROXIES, parseTrustedProxies, PEER_ADDRESS_HEADER, type TrustedProxies } from "@/lib/http/trusted-proxies";
import { createWebServer, GLOBAL_BODY_LIMIT_BYTES } from "./web-server";

let server: Server | undefined;
let handled = 0;

/** A web server whose "app" answers with the headers it was handed. */
async function startEchoServer(trustedProxies: TrustedProxies): Promise<number> {
  handled = 0;
  server = createWebServer({
    trustedProxies,
    handle: async (request, response) => {
      handled += 1;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(request.headers));
    },
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function send(port: number, headers: Record<string, string>, method = "GET", path = "/api/health"): Promise<{ status: number; body: string; contentType: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, contentType: response.headers["content-type"] ?? "" }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const FORGED = {
  [PEER_ADDRESS_HEADER]: "198.51.100.9",
  "x-forwarded-for": "198.51.100.10",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-real-ip": "198.51.100.11",
  forwarded: "for=198.51.100.12",
};

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe("the web server in front of Next.js", () => {
  it("replaces a client-sent peer header with the socket address and drops forwarded headers from an untrusted peer", async () => {
    const port = await startEchoServer(NO_TRUSTED_PROXIES);
    const seen = JSON.parse((await send(port, { ...FORGED, host: "desk-pc:3000" })).body) as IncomingHttpHeaders;
    expect(seen[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "forwarded"]) expect(seen[name]).toBeUndefined();
    expect(seen.host).toBe("desk-pc:3000");
  });

  it("passes a trusted proxy's forwarded headers on, keeping the first host and scheme", async () => {
    const port = await startEchoServer(parseTrustedProxies("127.0.0.0/8"));
    const seen = JSON.parse(
      (await send(port, { ...FORGED, "x-forwarded-host": "desk.example.org, inner:3000", "x-forwarded-proto": "https, http" })).body,
    ) as IncomingHttpHeaders;
    expect(seen[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBe("198.51.100.10");
    expect(seen["x-forwarded-host"]).toBe("desk.example.org");
    expect(seen["x-forwarded-proto"]).toBe("https");
  });

  it("refuses a declared body over the global cap with 413 in the error shape, before the app sees it", async () => {
    const port = await startEchoServer(NO_TRUSTED_PROXIES);
    const refused = await send(port, { "content-length": String(GLOBAL_BODY_LIMIT_BYTES + 1) }, "POST");
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({ error: { code: "payload_too_large", message: expect.stringContaining("16 MB") } });
    expect(handled).toBe(0);
  });

  it("answers an address Next.js cannot decode with 400 before the app sees it: the error shape under /api, words for pages", async () => {
    const port = await startEchoServer(NO_TRUSTED_PROXIES);
    for (const path of ["/api/v1/claims/%ED%A0%80", "/api/v1/claims/%E0%A4%A", "/api/v1/workspaces/%FF/claims", "/api/auth/%ED%A0%80"]) {
      const refused = await send(port, {}, "PATCH", path);
      expect(refused.status, path).toBe(400);
      expect(JSON.parse(refused.body), path).toMatchObject({
        error: { code: "validation_failed", message: expect.stringContaining("not valid percent-encoded UTF-8"), details: [{ path: ["path"] }] },
      });
    }
    for (const path of ["/w/%ED%A0%80", "/w/abc%00", "/w/abc/passages/p%00", "/w/abc/claims?q=%00", "/invitations/%ED%A0%80"]) {
      const refused = await send(port, {}, "GET", path);
      expect(refused.status, path).toBe(400);
      expect(refused.contentType, path).toBe("text/plain; charset=utf-8");
      expect(refused.body, path).toMatch(/not valid percent-encoded UTF-8|NUL character/);
    }
    expect(handled).toBe(0);
    // Accented ids pass; a NUL in an API id is the API's schemas' to name (in the field's path).
    for (const path of ["/api/v1/claims/%C3%A9t%C3%A9", "/w/abc/claims?q=%C3%A9t%C3%A9", "/api/v1/claims/abc%00"]) {
      expect((await send(port, {}, "GET", path)).status, path).toBe(200);
    }
    expect(handled).toBe(3);
  });
});
