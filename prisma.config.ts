import { defineConfig } from "prisma/config";

// The URL only matters to Prisma CLI commands that connect; the app and scripts
// build their own adapter from lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/claimdesk" },
});
