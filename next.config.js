// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` typechecks the whole project once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Security headers that do not depend on the request; the CSP carries a per-request nonce
  // and is set in proxy.ts.
  async headers() {
    return [
      {
        // Pages get a nonce-based policy from proxy.ts; everything else can run nothing. Stored copies
        // of fetched pages keep their own, stricter-still `sandbox` policy (lib/capture/server/
        // snapshot-response.ts): a header set here would replace the route's, and the copy's markup
        // would be served without the sandbox.
        source: "/:path((?:api/(?!v1/snapshots/)|_next/).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
