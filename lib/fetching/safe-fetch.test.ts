import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";
import { type FetchSettings, type HostResolver, safeFetch, SafeFetchError, type SafeFetchOptions } from "@/lib/fetching/safe-fetch";

// Every test talks only to the two servers it starts on 127.0.0.1: "allowed" (the test-only loopback
// port) and "other" (a loopback port nothing may reach). Host names are resolved by injected resolvers.

type Seen = { path: string; headers: IncomingMessage["headers"] };

function startServer(handle: (request: IncomingMessage, response: ServerResponse) => void, seen: Seen[]): Promise<Server> {
  const server = createServer((request, response) => {
    seen.push({ path: request.url ?? "", headers: request.headers });
    handle(request, response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

let allowed: Server;
let other: Server;
const allowedSeen: Seen[] = [];
const otherSeen: Seen[] = [];
let allowedPort = 0;
let otherPort = 0;
const hangingResponses: ServerResponse[] = [];

beforeAll(async () => {
  other = await startServer((_request, response) => response.end("secret"), otherSeen);
  otherPort = portOf(other);
  allowed = await startServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://test");
    switch (url.pathname) {
      case "/page":
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end("<html><head><title>Hello</title></head><body><p>Public page</p></body></html>");
        return;
      case "/hop":
        response.writeHead(302, { location: "/page" });
        response.end();
        return;
      case "/to-other":
        response.writeHead(301, { location: `http://127.0.0.1:${otherPort}/` });
        response.end();
        return;
      case "/to-metadata":
        response.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" });
        response.end();
        return;
      case "/to-localhost-name":
        response.writeHead(302, { location: `http://internal.example:${allowedPort}/page` });
        response.end();
        return;
      case "/loop":
        response.writeHead(302, { location: `/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}` });
        response.end();
        return;
      case "/big":
        response.writeHead(200, { "content-type": "text/plain" });
        // No Content-Length: the cap must hold while streaming.
        for (let index = 0; index < 8; index += 1) response.write("x".repeat(1024));
        response.end();
        return;
      case "/bomb":
        response.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        response.end(gzipSync(Buffer.alloc(1024 * 1024)));
        return;
      case "/slow":
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html>");
        hangingResponses.push(response);
        return;
      case "/json":
        response.writeHead(200, { "content-type": "application/json" });
        response.end("{}");
        return;
      case "/gone":
        response.writeHead(404, { "content-type": "application/json" });
        response.end('{"error":"gone"}');
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  }, allowedSeen);
  allowedPort = portOf(allowed);
});

afterAll(async () => {
  for (const response of hangingResponses) response.destroy();
  allowed.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((resolve) => allowed.close(resolve)), new Promise((resolve) => other.close(resolve))]);
});

function settings(overrides: Partial<FetchSettings> = {}): FetchSettings {
  return {
    timeoutMs: 5_000,
    maxBytes: 4 * 1024,
    maxRedirects: 5,
    allowedPorts: [],
    loopbackPort: allowedPort,
    userAgent: "ClaimDesk/1.0 (+https://desk.example.org)",
    ...overrides,
  };
}

const noDns: HostResolver = (hostname) => Promise.reject(new Error(`no DNS in tests (${hostname})`));

function fetchIt(url: string, options: Partial<SafeFetchOptions> = {}) {
  return safeFetch(url, { accept: ["text/html", "text/plain"], settings: settings(), resolveHost: noDns, ...options });
}

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

async function expectRefused(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error.code).toBe("url_not_allowed");
  expect(error.status).toBe(400);
  expect(error.reason).toBe("not_allowed");
  return error;
}

describe("safeFetch", () => {
  it("fetches a public page with a clear User-Agent and without the caller's cookies", async () => {
    const before = allowedSeen.length;
    const result = await fetchIt(`http://127.0.0.1:${allowedPort}/page`, { headers: { Cookie: "session=secret", "X-Trace": "1" } });
    expect(result.status).toBe(200);
    expect(result.mediaType).toBe("text/html");
    expect(result.body.toString()).toContain("Public page");
    expect(result.finalUrl).toBe(`http://127.0.0.1:${allowedPort}/page`);
    expect(result.remoteAddress).toBe("127.0.0.1");
    const request = allowedSeen[before]!;
    expect(request.headers["user-agent"]).toBe("ClaimDesk/1.0 (+https://desk.example.org)");
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers["x-trace"]).toBe("1");
  });

  it("follows redirects on allowed addresses and reports the final URL and every hop", async () => {
    const result = await fetchIt(`http://127.0.0.1:${allowedPort}/hop`);
    expect(result.finalUrl).toBe(`http://127.0.0.1:${allowedPort}/page`);
    expect(result.hops).toEqual([`http://127.0.0.1:${allowedPort}/hop`, `http://127.0.0.1:${allowedPort}/page`]);
  });

  it("resolves a name once and connects to that address only", async () => {
    const asked: string[] = [];
    const resolver: HostResolver = (hostname) => {
      asked.push(hostname);
      return Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
    };
    const before = allowedSeen.length;
    // rebind.invalid has no DNS entry: the request can only arrive through the pinned address.
    const result = await fetchIt(`http://rebind.invalid:${allowedPort}/page`, { resolveHost: resolver });
    expect(result.status).toBe(200);
    expect(asked).toEqual(["rebind.invalid"]);
    expect(allowedSeen[before]!.headers.host).toBe(`rebind.invalid:${allowedPort}`);
  });

  it("returns answers of any status with their body", async () => {
    const result = await fetchIt(`http://127.0.0.1:${allowedPort}/gone`);
    expect(result.status).toBe(404);
    expect(result.body.toString()).toContain("gone");
  });

  it.each([
    ["loopback on another port", () => `http://127.0.0.1:${otherPort}/`],
    ["loopback on the default port", () => "http://127.0.0.1/"],
    ["another loopback address", () => `http://127.0.0.2:${allowedPort}/page`],
    ["private 10.x", () => "http://10.0.0.1/"],
    ["private 172.16.x", () => "http://172.16.5.4/"],
    ["private 192.168.x", () => "http://192.168.1.1/"],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/"],
    ["CGNAT", () => "http://100.64.0.1/"],
    ["unspecified", () => "http://0.0.0.0/"],
    ["multicast", () => "http://224.0.0.1/"],
    ["broadcast", () => "http://255.255.255.255/"],
    ["reserved", () => "http://240.0.0.1/"],
    ["IPv6 loopback", () => `http://[::1]:${allowedPort}/page`],
    ["IPv4-mapped loopback", () => `http://[::ffff:127.0.0.1]:${allowedPort}/page`],
    ["IPv4-mapped private", () => "http://[::ffff:10.0.0.1]/"],
    ["NAT64-embedded metadata", () => "http://[64:ff9b::a9fe:a9fe]/"],
    ["IPv4-compatible loopback (::/96)", () => `http://[::127.0.0.1]:${allowedPort}/page`],
    ["IPv4-compatible metadata (::/96)", () => "http://[::a9fe:a9fe]/latest/meta-data/"],
    ["IPv4-translated loopback", () => `http://[::ffff:0:7f00:1]:${allowedPort}/page`],
    ["IPv6 unique local", () => "http://[fc00::1]/"],
    ["IPv6 link local", () => "http://[fe80::1]/"],
    ["IPv6 unspecified", () => "http://[::]/"],
    ["a public address on a port that is not allowed", () => "http://8.8.8.8:8080/"],
    ["a user name and password in the address", () => `http://user:pass@127.0.0.1:${allowedPort}/page`],
  ])("refuses %s", async (_name, url) => {
    const before = otherSeen.length;
    const error = await expectRefused(fetchIt(url()));
    expect(error.message).toBe("That address points inside a private network; ClaimDesk only fetches public web pages.");
    expect(otherSeen.length).toBe(before);
  });

  it.each(["file:///etc/passwd", "ftp://example.org/file", "gopher://example.org/", "data:text/html,hi"])("refuses the scheme of %s", async (url) => {
    const error = await expectRefused(fetchIt(url));
    expect(error.message).toMatch(/only fetches web pages/);
  });

  it("refuses a redirect from the allowed server to another loopback port, without reaching it", async () => {
    const before = otherSeen.length;
    await expectRefused(fetchIt(`http://127.0.0.1:${allowedPort}/to-other`));
    expect(otherSeen.length).toBe(before);
  });

  it("refuses a redirect to the cloud metadata address", async () => {
    await expectRefused(fetchIt(`http://127.0.0.1:${allowedPort}/to-metadata`));
  });

  it("checks the name of a redirect's target with the resolver again", async () => {
    const resolver: HostResolver = (hostname) =>
      Promise.resolve(hostname === "internal.example" ? [{ address: "192.168.0.10", family: 4 }] : []);
    await expectRefused(fetchIt(`http://127.0.0.1:${allowedPort}/to-localhost-name`, { resolveHost: resolver }));
  });

  it("refuses a name that resolves to a private address", async () => {
    const resolver: HostResolver = () => Promise.resolve([{ address: "10.1.2.3", family: 4 }]);
    await expectRefused(fetchIt("http://intranet.example/", { resolveHost: resolver }));
  });

  it("refuses a name when any of its addresses is private", async () => {
    const resolver: HostResolver = () =>
      Promise.resolve([
        { address: "93.184.215.14", family: 4 },
        { address: "fd00::1", family: 6 },
      ]);
    await expectRefused(fetchIt("http://mixed.example/", { resolveHost: resolver }));
  });

  it("says a name could not be found when the resolver fails", async () => {
    const error = await failure(fetchIt("http://nowhere.example/"));
    expect(error.reason).toBe("dns");
    expect(error.status).toBe(502);
  });

  it("tells a name server that did not answer (worth retrying) from a name that does not exist", async () => {
    const busy = () => Promise.reject(Object.assign(new Error("getaddrinfo EAI_AGAIN busy.example"), { code: "EAI_AGAIN" }));
    const error = await failure(fetchIt("http://busy.example/", { resolveHost: busy }));
    expect(error.reason).toBe("dns_unavailable");
    expect(error.status).toBe(502);
    expect(error.message).toBe("The name busy.example could not be looked up just now (its name server did not answer).");
    const missing = () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example"), { code: "ENOTFOUND" }));
    expect((await failure(fetchIt("http://nowhere.example/", { resolveHost: missing }))).reason).toBe("dns");
  });

  it("stops reading an answer larger than the cap", async () => {
    const error = await failure(fetchIt(`http://127.0.0.1:${allowedPort}/big`));
    expect(error.reason).toBe("too_large");
    expect(error.status).toBe(413);
  });

  it("counts the cap after decompression", async () => {
    const error = await failure(fetchIt(`http://127.0.0.1:${allowedPort}/bomb`));
    expect(error.reason).toBe("too_large");
  });

  it("gives up on a server that does not finish within the time limit", async () => {
    const error = await failure(fetchIt(`http://127.0.0.1:${allowedPort}/slow`, { settings: settings({ timeoutMs: 300 }) }));
    expect(error.reason).toBe("timeout");
  });

  it("refuses a content type the caller does not accept", async () => {
    const error = await failure(fetchIt(`http://127.0.0.1:${allowedPort}/json`));
    expect(error.reason).toBe("content_type");
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/application\/json/);
  });

  it("stops after the maximum number of redirects", async () => {
    const error = await failure(fetchIt(`http://127.0.0.1:${allowedPort}/loop`, { settings: settings({ maxRedirects: 2 }) }));
    expect(error.reason).toBe("too_many_redirects");
  });
});

describe("the test-only loopback setting", () => {
  const base = { DATABASE_URL: "postgres://localhost/x", NEXTAUTH_SECRET: "s".repeat(32) };

  it("is refused when NODE_ENV=production", () => {
    expect(() => parseServerEnv({ ...base, NODE_ENV: "production", FETCH_ALLOW_LOOPBACK_PORT: "4000" })).toThrow(/for tests only/);
  });

  it("is read outside production, and the limits have their defaults", () => {
    const env = parseServerEnv({ ...base, NODE_ENV: "test", FETCH_ALLOW_LOOPBACK_PORT: "4000" });
    expect(env.FETCH_ALLOW_LOOPBACK_PORT).toBe(4000);
    expect([env.FETCH_TIMEOUT_MS, env.FETCH_MAX_BYTES, env.FETCH_MAX_REDIRECTS]).toEqual([10_000, 10 * 1024 * 1024, 5]);
  });
});
