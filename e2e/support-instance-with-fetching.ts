import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { childProcessEnv } from "@/lib/env";
import { e2eServerInfoFile, type E2eServerInfo } from "@/scripts/lib/e2e-server-info";
import { startWorker, stopProcess } from "@/scripts/lib/processes";

// The e2e server runs as in production, where server-side fetches of loopback are refused (and
// FETCH_ALLOW_LOOPBACK_PORT with it). Specs whose jobs fetch a page (URL import, evidence capture)
// serve it on 127.0.0.1 and run the job workers beside the e2e server, on its database, in a
// process of their own with NODE_ENV=test and that one port allowed. Pages hear what the workers
// did through the database, as they would from any other instance.

export type TestPage = { status: number; body: string; contentType?: string };

/** A web server on 127.0.0.1 answering `pages` by path (404 otherwise); change the map to change the web. */
export async function startPageServer(pages: Map<string, TestPage>): Promise<{ port: number; urlOf: (path: string) => string; stop: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? "/", "http://pages.test").pathname) ?? { status: 404, body: "<p>Not here</p>" };
    response.writeHead(page.status, { "content-type": page.contentType ?? "text/html; charset=utf-8" });
    response.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    urlOf: (path) => `http://127.0.0.1:${port}${path}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Job workers (scripts/worker.ts) on the e2e server's database that may fetch 127.0.0.1:`allowedPort`. */
export async function startFetchingWorkers({ baseURL, allowedPort }: { baseURL: string | undefined; allowedPort: number }): Promise<{ stop: () => Promise<void> }> {
  const info = JSON.parse(await readFile(e2eServerInfoFile(Number(new URL(baseURL ?? "").port)), "utf8")) as E2eServerInfo;
  const worker: ChildProcess = startWorker(
    childProcessEnv({
      DATABASE_URL: info.databaseUrl,
      NEXTAUTH_SECRET: info.nextauthSecret,
      NODE_ENV: "test",
      FETCH_ALLOW_LOOPBACK_PORT: String(allowedPort),
      JOB_WORKER_CONCURRENCY: "2",
    }),
  );
  return { stop: () => stopProcess(worker) };
}
