import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { apiRouteFiles } from "@/scripts/lib/api-route-tree";

export const ROUTE_INDEX_FILE = path.join(import.meta.dirname, "../../lib/generated/api-routes.ts");

/** The source of lib/generated/api-routes.ts: a loader for every route file that mounts endpoints. */
export function routeIndexSource(): string {
  const routes = apiRouteFiles().filter((route) => !route.isCatchAll);
  const entries = routes.map(
    (route) => `  { template: ${JSON.stringify(route.template)}, load: () => import(${JSON.stringify(`@/app/${route.file.replace(/\.ts$/, "")}`)}) },`,
  );
  return [
    "// Generated from the route tree by scripts/generate-client.ts (npm install, npm run db:generate); do not edit.",
    "// The OpenAPI document is built from the endpoints these modules mount.",
    "export const API_ROUTE_MODULES: { template: string; load: () => Promise<Record<string, unknown>> }[] = [",
    ...entries,
    "];",
    "",
  ].join("\n");
}

/** Writes the route index when it differs from the route tree; answers whether it changed. */
export function writeRouteIndex(): boolean {
  const source = routeIndexSource();
  let current = "";
  try {
    current = readFileSync(ROUTE_INDEX_FILE, "utf8");
  } catch {
    // Not generated yet.
  }
  if (current === source) return false;
  mkdirSync(path.dirname(ROUTE_INDEX_FILE), { recursive: true });
  writeFileSync(ROUTE_INDEX_FILE, source);
  return true;
}
