import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";
import { e2eServerInfoFile, type E2eServerInfo } from "./lib/e2e-server-info";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { buildIfStale, startNext, stopProcess } from "./lib/processes";
import { applyMigrations } from "./lib/schema-engine";

// The server Playwright tests run against: the production build on a fresh embedded PostgreSQL.
async function main() {
  const portFlag = process.argv.indexOf("--port");
  const port = Number(process.argv[portFlag + 1] ?? 3100);
  const dataDir = await mkdtemp(path.join(tmpdir(), "claimdesk-e2e-"));
  const postgres = await startEmbeddedPostgres({ dataDir, database: "claimdesk_e2e" });
  await applyMigrations(postgres.url);
  const nextauthSecret = randomBytes(32).toString("base64url");
  // e2e/two-instances.spec.ts starts a second app instance on the same database and secret.
  const infoFile = e2eServerInfoFile(port);
  const info: E2eServerInfo = { databaseUrl: postgres.url, nextauthSecret, port };
  await writeFile(infoFile, JSON.stringify(info), { mode: 0o600 });
  const env = childProcessEnv({
    DATABASE_URL: postgres.url,
    NEXTAUTH_SECRET: nextauthSecret,
    // Not pinned, as with `npm start`: the specs reach the app as localhost and as 127.0.0.1.
    NEXTAUTH_URL: undefined,
    // Every spec signs up its own users from this one address.
    SIGN_UP_LIMIT_PER_HOUR: "10000",
    SIGN_IN_LIMIT_PER_ADDRESS: "10000",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await buildIfStale(env);
  const server = startNext("start", port, undefined, env);

  const shutdown = async () => {
    await stopProcess(server);
    await postgres.stop();
    await rm(infoFile, { force: true });
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown());
  }
  server.once("exit", () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
