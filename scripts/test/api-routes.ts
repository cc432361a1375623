import path from "node:path";
import type { NextRequest } from "next/server";
import type { HttpMethod } from "@/lib/http/endpoint";
import { APP_DIR, apiRouteFiles as routeTree } from "@/scripts/lib/api-route-tree";

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export { HTTP_METHODS as API_METHODS } from "@/lib/http/endpoint";
export type ApiMethod = HttpMethod;

export type ApiRouteFile = {
  /** The path template, as in the route tree: /api/v1/claims/{claimId}, /api/v1/{...path}. */
  template: string;
  /** The methods the file implements itself (not the 405 answers for the others). */
  methods: ApiMethod[];
  load: () => Promise<Partial<Record<ApiMethod | "OPTIONS", RouteHandler>>>;
};

/** Every route.ts under app/api/v1, read from the tree so that a new route shows up in the tests that walk them. */
export function apiRouteFiles(): ApiRouteFile[] {
  return routeTree()
    .filter((route) => route.template.startsWith("/api/v1"))
    .map((route) => ({
      template: route.template,
      methods: route.methods,
      load: () => import(path.join(APP_DIR, route.file)) as Promise<Partial<Record<ApiMethod | "OPTIONS", RouteHandler>>>,
    }));
}

/** Every "METHOD /api/v1/path" that a route.ts under app/api/v1 implements. */
export function apiRoutes(): string[] {
  return apiRouteFiles().flatMap((route) => route.methods.map((method) => `${method} ${route.template}`));
}
