import "server-only";
import { serverEnv } from "@/lib/env";
import { firstForwardedValue, isTrustedProxy, PEER_ADDRESS_HEADER, resolveClientAddress } from "@/lib/http/trusted-proxies";

// Every per-address limit and the same-origin check read the caller from here. The socket address
// arrives in PEER_ADDRESS_HEADER, set by our web server (scripts/lib/web-server.ts), which removes any
// copy a client sent; forwarded headers count only when that peer is listed in TRUSTED_PROXIES.

const UNKNOWN_PEER = "unknown";

function peerAddress(request: Request): string {
  return request.headers.get(PEER_ADDRESS_HEADER)?.trim() || UNKNOWN_PEER;
}

function isFromTrustedProxy(request: Request): boolean {
  return isTrustedProxy(peerAddress(request), serverEnv().TRUSTED_PROXIES);
}

/** The address of the client that made the request: the key of every per-address limit. */
export function clientAddress(request: Request): string {
  return resolveClientAddress(peerAddress(request), request.headers.get("x-forwarded-for"), serverEnv().TRUSTED_PROXIES);
}

/**
 * The origin the client addressed: its Host header (X-Forwarded-Host and -Proto when a trusted proxy
 * sent them). Our server speaks plain HTTP, so without a trusted proxy the scheme is http.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const isTrusted = isFromTrustedProxy(request);
  const host = (isTrusted ? firstForwardedValue(request.headers.get("x-forwarded-host")) : undefined) ?? request.headers.get("host") ?? url.host;
  const forwardedProto = isTrusted ? firstForwardedValue(request.headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const protocol = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.replace(/:$/, "");
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

/** The configured public URL's origin (PUBLIC_URL, else NEXTAUTH_URL); null when links follow each request. */
export function configuredPublicOrigin(): string | null {
  const { PUBLIC_URL, NEXTAUTH_URL } = serverEnv();
  const configured = PUBLIC_URL ?? NEXTAUTH_URL;
  return configured ? new URL(configured).origin : null;
}

/** Where links to the app should point (exports, invitations): the configured public URL, else the request's origin. */
export function publicOrigin(request: Request): string {
  return configuredPublicOrigin() ?? requestOrigin(request);
}

/** publicOrigin for a server component, which has the request's headers (next/headers) but no Request. */
export function publicOriginOfHeaders(headers: Headers): string {
  return publicOrigin(new Request("http://localhost/", { headers }));
}
