import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { writeFileSync } from "node:fs";
import { buildStampFile, isBuildCurrent, sourceStamp } from "./build-stamp";

const NEXT_BIN = "node_modules/.bin/next";
const SERVE_SCRIPT = "scripts/serve.ts";
const WORKER_SCRIPT = "scripts/worker.ts";

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Builds the production app unless the last build came from the same sources. */
export async function buildIfStale(env: NodeJS.ProcessEnv): Promise<"built" | "current"> {
  const stamp = sourceStamp();
  if (isBuildCurrent(stamp)) return "current";
  console.log("Building ClaimDesk (first start or sources changed)…");
  await run(NEXT_BIN, ["build"], { env: { ...env, NODE_ENV: "production" } });
  writeFileSync(buildStampFile, stamp);
  return "built";
}

/**
 * Starts the web server (scripts/serve.ts: Next.js behind our client-address layer). next-auth takes
 * its origin from each request (AUTH_TRUST_HOST) unless NEXTAUTH_URL pins one, so the app works by
 * any name it is reached at; the Host it trusts is cleaned by the web server.
 */
export function startNext(mode: "start" | "dev", port: number, hostname: string | undefined, env: NodeJS.ProcessEnv): ChildProcess {
  const args = [SERVE_SCRIPT, "--port", String(port), ...(hostname ? ["--hostname", hostname] : []), ...(mode === "dev" ? ["--dev"] : [])];
  // One process (no tsx wrapper), so its pid is the server's: stopProcess and memory samples reach it.
  return spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "inherit", "inherit"], env: { AUTH_TRUST_HOST: "true", ...env } });
}

/**
 * Starts the background job workers (scripts/worker.ts) as their own process. The `react-server`
 * condition lets the use cases' `server-only` guard load outside Next.js.
 */
export function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER_SCRIPT], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
}

/** Waits until the app answers its health check, or the server process exits. */
export async function waitForHealthy(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  server.once("exit", () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error("The web server exited while starting; see its messages above.");
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The web server did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s.`);
}

/** Sends SIGTERM and waits for the process to end (SIGKILL after a grace period). */
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
