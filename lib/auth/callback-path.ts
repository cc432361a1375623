const PLACEHOLDER_ORIGIN = "http://claimdesk.invalid";

/**
 * The path to follow after sign-in: only a path of this site, never another origin. Decided by
 * parsing the way a browser will (tabs and newlines dropped, `\` read as `/`, `。` as a dot), and
 * answered with the parsed, percent-encoded path, so the result is also a valid Location header.
 * Anything else, or nothing, is `/`.
 */
export function safeCallbackPath(callbackUrl: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof callbackUrl !== "string" || callbackUrl === "") return "/";
  try {
    const base = new URL(origin);
    const parsed = new URL(callbackUrl, base);
    if (parsed.origin !== base.origin) return "/";
    const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    // A path such as `//host` (from `/.//host`) would be read as another origin when followed.
    return new URL(path, base).href === parsed.href ? path : "/";
  } catch {
    return "/";
  }
}

/** next-auth's `callbacks.redirect`: the same rule, as the absolute URL next-auth wants. */
export function redirectAfterSignIn({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
}

// Pages a visitor is sent to in order to sign in: coming back to them after sign-in would loop.
const SIGN_IN_PAGES = new Set(["/signin", "/signup"]);

/**
 * A link to the sign-in (or sign-up) page that comes back to `currentPath` afterwards, such as
 * an invitation; the way back obeys `safeCallbackPath`, and the home page needs none.
 */
export function signInLinkFrom(page: "/signin" | "/signup", currentPath: string): string {
  const path = safeCallbackPath(currentPath);
  if (path === "/" || SIGN_IN_PAGES.has(new URL(path, PLACEHOLDER_ORIGIN).pathname)) return page;
  return `${page}?callbackUrl=${encodeURIComponent(path)}`;
}
