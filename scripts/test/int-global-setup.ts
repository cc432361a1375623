import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { launcherEnv } from "@/lib/env";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/embedded-postgres";
import { applyMigrations } from "../lib/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// Integration tests run on a fresh database: an embedded PostgreSQL in a throwaway folder, or a new
// database on the server named by TEST_DATABASE_URL (dropped afterwards).
export default async function setup(project: TestProject) {
  const testServerUrl = launcherEnv().TEST_DATABASE_URL;
  let embedded: RunningPostgres | null = null;
  let dataDir: string | null = null;
  let databaseUrl: string;
  let dropDatabase: (() => Promise<void>) | null = null;

  if (testServerUrl) {
    const name = `claimdesk_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: testServerUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(testServerUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: testServerUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), "claimdesk-int-"));
    embedded = await startEmbeddedPostgres({ dataDir, database: "claimdesk_test" });
    databaseUrl = embedded.url;
  }

  await applyMigrations(databaseUrl);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    if (dropDatabase) await dropDatabase();
    if (embedded) await embedded.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
