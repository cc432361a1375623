import { execFileSync } from "node:child_process";
import { childProcessEnv } from "@/lib/env";
import { writeRouteIndex } from "@/scripts/lib/route-index";

// `prisma generate` only checks that a schema engine binary exists (it cannot download one offline)
// and never runs it; pointing it at Node itself satisfies the check.
execFileSync("node_modules/.bin/prisma", ["generate"], {
  stdio: "inherit",
  env: childProcessEnv({ PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
});
writeRouteIndex();
