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
        // of pages (/api/v1/snapshots/…) keep their own, sandboxed policy: a header here would replace it.
        source: "/:path((?:api|_next)/(?!v1/snapshots/).*)",
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
