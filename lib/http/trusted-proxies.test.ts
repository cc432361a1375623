import { describe, expect, it } from "vitest";
import { isTrustedProxy, NO_TRUSTED_PROXIES, normalizeAddress, parseTrustedProxies, resolveClientAddress } from "@/lib/http/trusted-proxies";

describe("TRUSTED_PROXIES", () => {
  it("parses addresses and CIDR ranges of both families, and names an entry that is neither", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8, 192.168.1.5 ,fd00::/8, ::1");
    expect(isTrustedProxy("10.200.0.1", trusted)).toBe(true);
    expect(isTrustedProxy("192.168.1.5", trusted)).toBe(true);
    expect(isTrustedProxy("192.168.1.6", trusted)).toBe(false);
    expect(isTrustedProxy("fd12::1", trusted)).toBe(true);
    expect(isTrustedProxy("::1", trusted)).toBe(true);
    expect(isTrustedProxy("::ffff:10.0.0.9", trusted)).toBe(true);
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow(/"proxy\.local" is not an IP address or CIDR range/);
    expect(parseTrustedProxies(undefined).ranges).toEqual([]);
  });

  it("trusts nobody by default", () => {
    expect(isTrustedProxy("127.0.0.1", NO_TRUSTED_PROXIES)).toBe(false);
  });

  it("normalizes socket addresses (IPv4-mapped IPv6 becomes IPv4) and rejects garbage", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
  });
});

describe("resolveClientAddress", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8");

  it("is the socket peer when the peer is not trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", trusted)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", null, trusted)).toBe("203.0.113.7");
  });

  it("walks X-Forwarded-For from the right past trusted hops when the peer is a trusted proxy", () => {
    expect(resolveClientAddress("10.0.0.1", "198.51.100.99, 192.0.2.1, 10.0.0.2", trusted)).toBe("192.0.2.1");
    expect(resolveClientAddress("10.0.0.1", "10.0.0.3, 10.0.0.2", trusted)).toBe("10.0.0.3");
    expect(resolveClientAddress("10.0.0.1", null, trusted)).toBe("10.0.0.1");
  });

  it("stops at an entry that is not an address, keeping the last address it could trust", () => {
    expect(resolveClientAddress("10.0.0.1", "192.0.2.1, garbage", trusted)).toBe("10.0.0.1");
  });
});
