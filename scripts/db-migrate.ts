import { configuredDatabaseUrl } from "@/lib/env";
import { applyMigrations } from "./lib/schema-engine";

async function main() {
  const url = configuredDatabaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set. Set it to a postgres:// URL (`npm start` migrates its embedded database by itself).");
  const { applied } = await applyMigrations(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}` : "Database is up to date.");
}

main().catch((error: unknown) => {
  console.error("Migration failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
