import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";
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
  const env = childProcessEnv({
    DATABASE_URL: postgres.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    // Not pinned, as with `npm start`: the specs reach the app as localhost and as 127.0.0.1.
    NEXTAUTH_URL: undefined,
    // Every spec signs up its own users from this one address.
    SIGN_UP_LIMIT_PER_HOUR: "10000",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await buildIfStale(env);
  const server = startNext("start", port, undefined, env);

  const shutdown = async () => {
    await stopProcess(server);
    await postgres.stop();
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
