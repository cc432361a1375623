import ipaddr from "ipaddr.js";

// Shared by the web server (scripts/lib/web-server.ts) and the app (client-address.ts): one
// definition of who may speak for the client in X-Forwarded-* headers.

/** Set by our web server from the TCP socket, after removing any copy a client sent. */
export const PEER_ADDRESS_HEADER = "x-claimdesk-peer";

/** The forwarded headers a client could forge; honoured only when the socket peer is a trusted proxy. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"] as const;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type TrustedProxies = { ranges: Range[]; source: string };

export const NO_TRUSTED_PROXIES: TrustedProxies = { ranges: [], source: "" };

/**
 * Parses a comma-separated list of addresses and CIDR ranges ("10.0.0.0/8, ::1"). Throws an
 * error naming the entry that is not one.
 */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const entries = (list ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const ranges = entries.map((entry): Range => {
    try {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128];
    } catch {
      throw new Error(`"${entry}" is not an IP address or CIDR range (examples: 10.0.0.5, 10.0.0.0/8, fd00::/8)`);
    }
  });
  return { ranges, source: entries.join(",") };
}

/** Parses an address as a socket or header gives it; IPv4-mapped IPv6 (::ffff:1.2.3.4) becomes IPv4. */
export function normalizeAddress(value: string): string | null {
  const trimmed = value.trim().replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(trimmed)) return null;
  return ipaddr.process(trimmed).toString();
}

export function isTrustedProxy(address: string, trusted: TrustedProxies): boolean {
  if (trusted.ranges.length === 0 || !ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return trusted.ranges.some(([range, bits]) =>
    parsed instanceof ipaddr.IPv4
      ? range instanceof ipaddr.IPv4 && parsed.match(range, bits)
      : range instanceof ipaddr.IPv6 && parsed.match(range, bits),
  );
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then X-Forwarded-For
 * is walked from the right, skipping trusted hops, and the first untrusted address is the client
 * (everything left of it could have been written by the client itself).
 */
export function resolveClientAddress(peer: string, forwardedFor: string | null, trusted: TrustedProxies): string {
  let client = normalizeAddress(peer) ?? peer;
  if (!isTrustedProxy(client, trusted) || !forwardedFor) return client;
  const hops = forwardedFor.split(",").reverse();
  for (const hop of hops) {
    const address = normalizeAddress(hop);
    if (!address) return client;
    client = address;
    if (!isTrustedProxy(address, trusted)) return client;
  }
  return client;
}

/** The first value of a forwarded header (proxies append to lists). */
export function firstForwardedValue(value: string | null | undefined): string | undefined {
  const first = value?.split(",")[0]?.trim();
  return first || undefined;
}
