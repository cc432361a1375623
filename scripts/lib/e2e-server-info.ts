import { tmpdir } from "node:os";
import path from "node:path";

/** What a spec needs to start another app instance on the e2e server's database. */
export type E2eServerInfo = { databaseUrl: string; nextauthSecret: string; port: number };

/** Where scripts/e2e-server.ts leaves its settings while it runs (removed when it stops). */
export function e2eServerInfoFile(port: number): string {
  return path.join(tmpdir(), `claimdesk-e2e-server-${port}.json`);
}
