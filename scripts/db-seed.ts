import { createDbClient } from "@/lib/db";
import { configuredDatabaseUrl } from "@/lib/env";
import { seedDemoWorkspace } from "@/prisma/seed";

async function main() {
  const url = configuredDatabaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set. `npm start` seeds its embedded database by itself.");
  const db = createDbClient(url);
  try {
    const result = await seedDemoWorkspace(db);
    console.log(result.created ? "Demo workspace created." : "Demo workspace already present; nothing changed.");
    console.log(`Demo sign-in: ${result.email} / ${result.password}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error);
  process.exit(1);
});
