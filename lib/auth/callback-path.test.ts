import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redirectAfterSignIn, safeCallbackPath, signInLinkFrom } from "@/lib/auth/callback-path";

const ORIGIN = "http://localhost:3000";

/** Where a browser goes when it follows `path` from a page of this site. */
const followed = (path: string) => new URL(path, `${ORIGIN}/signin`);

describe("safeCallbackPath", () => {
  it.each([
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r/evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["/.//evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("sends %j to %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["/workspaces", "/workspaces"],
    ["/w/abc/passages?q=tax#claim-1", "/w/abc/passages?q=tax#claim-1"],
    ["/invitations/tok123", "/invitations/tok123"],
  ])("keeps the path of this site %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["/\r\nSet-Cookie: x=1", "/Set-Cookie:%20x=1"],
    ["/a\r\nb", "/ab"],
    ["/。evil.example", "/%E3%80%82evil.example"],
    ["/x?q=。", "/x?q=%E3%80%82"],
  ])("answers %j, which was a 500 as a Location header, with the encoded path %j", (input, expected) => {
    const path = safeCallbackPath(input);
    expect(path).toBe(expected);
    expect(() => new Headers({ location: path })).not.toThrow();
  });

  it("never leaves this site, and is always a valid Location header, whatever the input", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.constantFrom("/", "\\", "\t", "\r", "\n", ".", "。", "％", "%", "2", "F", "e", ":", "@", "?", "#", " ", "a"), maxLength: 16 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
    );
    fc.assert(
      fc.property(anyText, (input) => {
        const path = safeCallbackPath(input);
        return (
          path.startsWith("/") && /^[\x21-\x7e]*$/.test(path) && followed(path).origin === ORIGIN && safeCallbackPath(path) === path
        );
      }),
    );
  }, 30_000);

  it("keeps every path of this site as the browser would follow it", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (webPath, query) => {
        const input = `/${webPath.replace(/^\/+/, "")}${query ? `?${query}` : ""}`;
        // `/.//x` is the path `//x`, which a browser would read as the host x: refused on purpose.
        fc.pre(!followed(input).pathname.startsWith("//"));
        expect(followed(safeCallbackPath(input)).href).toBe(followed(input).href);
      }),
    );
  });
});

describe("next-auth's redirect callback", () => {
  it("turns a foreign or malformed callbackUrl into this site's home", () => {
    for (const url of ["/\t/evil.example", "https://evil.example/x", "/\r\n", "//evil.example"]) {
      const target = redirectAfterSignIn({ url, baseUrl: ORIGIN });
      expect(new URL(target).origin).toBe(ORIGIN);
      expect(() => new Headers({ location: target })).not.toThrow();
    }
    expect(redirectAfterSignIn({ url: "/\t/evil.example", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
  });

  it("keeps absolute and relative URLs of this site", () => {
    expect(redirectAfterSignIn({ url: `${ORIGIN}/workspaces?x=1`, baseUrl: ORIGIN })).toBe(`${ORIGIN}/workspaces?x=1`);
    expect(redirectAfterSignIn({ url: "/settings/account", baseUrl: ORIGIN })).toBe(`${ORIGIN}/settings/account`);
  });
});

describe("signInLinkFrom", () => {
  it("comes back to the page it was followed from, encoded as one query value", () => {
    expect(signInLinkFrom("/signin", "/invitations/tok_123-x")).toBe("/signin?callbackUrl=%2Finvitations%2Ftok_123-x");
    expect(signInLinkFrom("/signup", "/w/abc/claims?label=factual&sort=label")).toBe("/signup?callbackUrl=%2Fw%2Fabc%2Fclaims%3Flabel%3Dfactual%26sort%3Dlabel");
  });

  it("needs no way back from the home page or the sign-in pages themselves", () => {
    for (const path of ["/", "", "/signin", "/signup", "/signin?callbackUrl=%2Fx"]) expect(signInLinkFrom("/signin", path)).toBe("/signin");
  });

  it("never leads to another site", () => {
    for (const path of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) expect(signInLinkFrom("/signin", path)).toBe("/signin");
  });
});
