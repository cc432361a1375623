import next from "next";
import { serverEnv } from "@/lib/env";
import { createWebServer } from "./lib/web-server";

// The web server `npm start` and `npm run dev` run (instead of `next start`/`next dev`): Next.js's
// request handler behind scripts/lib/web-server.ts, which gives the app the client's socket address.

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main() {
  const isDev = process.argv.includes("--dev");
  const port = Number(flag("--port") ?? 3000);
  const hostname = flag("--hostname");
  const trustedProxies = serverEnv().TRUSTED_PROXIES;
  const app = next({ dev: isDev, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const server = createWebServer({ handle: app.getRequestHandler(), trustedProxies });
  // Next registers its own upgrade listener (dev reloads) on this server at the first request.

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  server.listen(port, hostname, () => {
    const proxies = trustedProxies.source ? `trusting X-Forwarded-* from ${trustedProxies.source}` : "no trusted proxies";
    console.log(`ClaimDesk web server listening on ${hostname ?? "all interfaces"}, port ${port} (${proxies})`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
