import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export type ApiRouteFile = {
  /** The path template, as in the route tree: /api/v1/claims/{claimId}, /api/v1/{...path}. */
  template: string;
  /** The methods the file implements itself (not the 405 answers for the others). */
  methods: ApiMethod[];
  load: () => Promise<Partial<Record<ApiMethod | "OPTIONS", RouteHandler>>>;
};

const ROOT = path.join(import.meta.dirname, "../../app/api/v1");

/** Every route.ts under app/api/v1, read from the tree so that a new route shows up in the tests that walk them. */
export function apiRouteFiles(): ApiRouteFile[] {
  const files = readdirSync(ROOT, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
  return files.sort().map((file) => {
    const template = `/api/v1/${path.dirname(file)}`
      .replace(/\/\.$/, "")
      .replace(/\[((?:\.\.\.)?\w+)\]/g, "{$1}")
      .split(path.sep)
      .join("/");
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1] as ApiMethod);
    return { template, methods, load: () => import(path.join(ROOT, file)) as Promise<Partial<Record<ApiMethod | "OPTIONS", RouteHandler>>> };
  });
}

/** Every "METHOD /api/v1/path" that a route.ts under app/api/v1 implements. */
export function apiRoutes(): string[] {
  return apiRouteFiles().flatMap((route) => route.methods.map((method) => `${method} ${route.template}`));
}
