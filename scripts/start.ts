import path from "node:path";
import { createDbClient } from "@/lib/db";
import { childProcessEnv, launcherEnv } from "@/lib/env";
import { DEMO_WORKSPACE_NAME, seedDemoWorkspace } from "@/prisma/seed";
import { readOrCreateSecret, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { supervisePostgres, type PostgresSupervisor } from "./lib/postgres-supervisor";
import { buildIfStale, startNext, startWorker, stopProcess, waitForHealthy } from "./lib/processes";
import { applyMigrations } from "./lib/schema-engine";

// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo seed,
// build when stale, then the web server; Ctrl-C stops everything in order.

const isDev = process.argv.includes("--dev");

async function main() {
  const settings = launcherEnv();
  const dataDir = path.resolve(settings.CLAIMDESK_DATA_DIR ?? ".data");
  let postgres: RunningPostgres | null = null;
  let supervisor: PostgresSupervisor | null = null;
  let databaseUrl = settings.DATABASE_URL;
  let secret = settings.NEXTAUTH_SECRET;

  if (databaseUrl) {
    if (!secret) {
      throw new Error(
        "NEXTAUTH_SECRET is not set. With your own DATABASE_URL, set NEXTAUTH_SECRET to a random value of at least 32 characters, e.g. `export NEXTAUTH_SECRET=$(openssl rand -base64 32)`.",
      );
    }
  } else {
    console.log(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir) || "."})…`);
    postgres = await startEmbeddedPostgres({ dataDir, database: "claimdesk" });
    databaseUrl = postgres.url;
    // A killed or crashed embedded PostgreSQL comes back by itself; the app answers 503 meanwhile.
    supervisor = supervisePostgres(postgres);
    secret ??= await readOrCreateSecret(path.join(dataDir, "nextauth-secret"), 32);
  }

  let server: ReturnType<typeof startNext> | null = null;
  let worker: ReturnType<typeof startWorker> | null = null;
  let isStopping = false;
  const shutdown = async (exitCode: number) => {
    if (isStopping) return;
    isStopping = true;
    console.log("\nStopping ClaimDesk…");
    if (worker) await stopProcess(worker, 20_000);
    if (server) await stopProcess(server);
    if (supervisor) await supervisor.stop();
    else if (postgres) await postgres.stop();
    process.exit(exitCode);
  };
  // embedded-postgres installs its own exit hooks; ours replace them so the web server stops first.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }

  try {
    const { applied } = await applyMigrations(databaseUrl);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

    let demo: { email: string; password: string } | null = null;
    if (postgres) {
      const db = createDbClient(databaseUrl);
      try {
        demo = await seedDemoWorkspace(db);
      } finally {
        await db.$disconnect();
      }
    }

    const port = settings.PORT;
    const baseUrl = `http://localhost:${port}`;
    const env = childProcessEnv({
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      // Unset unless configured: next-auth then follows the name each request used (127.0.0.1, a LAN name).
      NEXTAUTH_URL: settings.NEXTAUTH_URL,
      NODE_ENV: isDev ? "development" : "production",
    });
    if (!isDev) await buildIfStale(env);
    server = startNext(isDev ? "dev" : "start", port, settings.HOSTNAME, env);
    server.once("exit", (code) => void shutdown(code ?? 1));
    await waitForHealthy(baseUrl, server, isDev ? 180_000 : 60_000);
    // Background jobs (imports by URL…) run in their own process; `npm run worker` starts more.
    worker = startWorker(env);
    worker.once("exit", (code) => {
      if (!isStopping) console.error(`The job worker stopped (exit code ${code ?? "none"}); run \`npm run worker\` to start it again.`);
    });

    console.log(`\n  ClaimDesk is running at ${settings.PUBLIC_URL ?? settings.NEXTAUTH_URL ?? baseUrl}`);
    console.log(postgres ? `  Database: embedded PostgreSQL on port ${postgres.port}` : "  Database: DATABASE_URL");
    if (demo) console.log(`  Demo workspace "${DEMO_WORKSPACE_NAME}": sign in as ${demo.email} / ${demo.password}`);
    console.log("  Press Ctrl-C to stop.\n");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
