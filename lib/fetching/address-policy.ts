import ipaddr from "ipaddr.js";

/** Where server-side fetches may connect: public unicast addresses on the default ports, plus what the settings add. */
export type AddressPolicy = {
  /** Ports besides 80 (http) and 443 (https). */
  allowedPorts: readonly number[];
  /** Test only (refused in production by lib/env.ts): 127.0.0.1 on this one port is allowed. */
  loopbackPort?: number;
};

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

export type AddressVerdict = { isAllowed: true } | { isAllowed: false; why: string };

/** The port a URL names, or its scheme's default. */
export function portOf(url: URL): number {
  return url.port === "" ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port);
}

/** The hostname without IPv6 brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Scheme, credentials and port of a URL, before any name is resolved. */
export function checkUrlShape(url: URL, policy: AddressPolicy): AddressVerdict {
  if (!(url.protocol in DEFAULT_PORTS)) return { isAllowed: false, why: `the scheme ${url.protocol} is not http or https` };
  if (url.username !== "" || url.password !== "") return { isAllowed: false, why: "the address carries a user name or password" };
  const port = portOf(url);
  if (port === DEFAULT_PORTS[url.protocol] || policy.allowedPorts.includes(port)) return { isAllowed: true };
  // The loopback port is checked again with the address (checkAddress): it opens 127.0.0.1 only.
  if (policy.loopbackPort !== undefined && port === policy.loopbackPort) return { isAllowed: true };
  return { isAllowed: false, why: `port ${port} is not allowed` };
}

// The IPv6 global unicast block (RFC 4291 §2.4). ipaddr.js calls whatever it has no name for `unicast`,
// which includes the deprecated IPv4-compatible ::a.b.c.d (::/96): ::127.0.0.1 or ::169.254.169.254.
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/**
 * Only globally routable unicast addresses. ipaddr.js names every special range (loopback, private,
 * linkLocal incl. 169.254.169.254, carrierGradeNat, multicast, unspecified, broadcast, reserved,
 * uniqueLocal, ipv4Mapped, 6to4, teredo, rfc6052…); anything but `unicast` is refused, and an IPv6
 * address must also be in 2000::/3, so no IPv6 form that embeds an IPv4 address slips through.
 */
export function checkAddress(address: string, port: number, policy: AddressPolicy): AddressVerdict {
  if (!ipaddr.isValid(address)) return { isAllowed: false, why: `${address} is not an IP address` };
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && !parsed.match(IPV6_GLOBAL_UNICAST)) return { isAllowed: false, why: `${address} is not a global unicast IPv6 address` };
  const range = parsed.range();
  if (range === "unicast") {
    const isDefaultPort = port === 80 || port === 443 || policy.allowedPorts.includes(port);
    return isDefaultPort ? { isAllowed: true } : { isAllowed: false, why: `port ${port} is not allowed` };
  }
  if (parsed.kind() === "ipv4" && range === "loopback" && address === "127.0.0.1" && port === policy.loopbackPort) {
    return { isAllowed: true };
  }
  return { isAllowed: false, why: `${address} is in the ${range} range` };
}
