import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/embedded-postgres";

/** A PostgreSQL of a test's own, to stop and kill without disturbing the shared test database. */
export async function startThrowawayPostgres(): Promise<RunningPostgres & { dataDir: string; remove: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "claimdesk-throwaway-"));
  const postgres = await startEmbeddedPostgres({ dataDir, database: "throwaway" });
  return {
    ...postgres,
    dataDir,
    remove: async () => {
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
