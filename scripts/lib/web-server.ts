import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AppError } from "@/lib/http/errors";
import { formatBytes } from "@/lib/http/format-bytes";
import { JSON_CONTENT_TYPE } from "@/lib/http/json-response";
import { readableAddressProblem, unreadableAddressAnswer } from "@/lib/http/readable-address";
import {
  FORWARDED_HEADERS,
  firstForwardedValue,
  isTrustedProxy,
  normalizeAddress,
  PEER_ADDRESS_HEADER,
  type TrustedProxies,
} from "@/lib/http/trusted-proxies";

// Route handlers in Next.js never see the TCP socket, and Next keeps whatever X-Forwarded-For a
// client sent. This server in front of Next's handler is the one place that knows the peer.

/** No route accepts more (the largest, a 15 MB document upload); routes enforce their own smaller caps. */
export const GLOBAL_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Sets PEER_ADDRESS_HEADER from the socket (replacing any client-sent copy), and drops forwarded
 * headers unless the peer is a trusted proxy, so that neither the app, Next.js nor next-auth reads
 * a forged one. A trusted proxy's X-Forwarded-Host/-Proto are reduced to their first value.
 */
export function prepareRequestHeaders(request: IncomingMessage, trustedProxies: TrustedProxies): void {
  const peer = normalizeAddress(request.socket.remoteAddress ?? "") ?? "unknown";
  request.headers[PEER_ADDRESS_HEADER] = peer;
  if (!isTrustedProxy(peer, trustedProxies)) {
    for (const name of FORWARDED_HEADERS) delete request.headers[name];
    return;
  }
  for (const name of ["x-forwarded-host", "x-forwarded-proto"] as const) {
    const value = request.headers[name];
    const first = firstForwardedValue(Array.isArray(value) ? value.join(",") : value);
    if (first) request.headers[name] = first;
    else delete request.headers[name];
  }
}

function refuseTooLarge(response: ServerResponse): void {
  const error = new AppError("payload_too_large", `The request body is larger than the limit of ${formatBytes(GLOBAL_BODY_LIMIT_BYTES)}.`);
  response.writeHead(error.status, { "Content-Type": JSON_CONTENT_TYPE, Connection: "close" });
  response.end(JSON.stringify(error.toBody()));
}

// Here rather than in proxy.ts: the proxy runs only for pages, since for an API request it would
// cost a middleware pass and a copy of the body (about 1 ms each) to check only this.
function refuseUnreadableAddress(target: string, problem: string, response: ServerResponse): void {
  const { contentType, body } = unreadableAddressAnswer(target, problem);
  response.writeHead(400, { "Content-Type": contentType });
  response.end(body);
}

type WebServerOptions = {
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  trustedProxies: TrustedProxies;
};

export function createWebServer({ handle, trustedProxies }: WebServerOptions): Server {
  return createServer((request, response) => {
    prepareRequestHeaders(request, trustedProxies);
    if (Number(request.headers["content-length"] ?? 0) > GLOBAL_BODY_LIMIT_BYTES) {
      refuseTooLarge(response);
      return;
    }
    const target = request.url ?? "/";
    const addressProblem = readableAddressProblem(target);
    if (addressProblem) {
      refuseUnreadableAddress(target, addressProblem, response);
      return;
    }
    handle(request, response).catch((error: unknown) => {
      console.error("Unhandled error while serving", request.url, error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end("Internal Server Error");
    });
  });
}
