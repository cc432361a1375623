import { describe, expect, it } from "vitest";
import { API_ROUTE_MODULES } from "@/lib/generated/api-routes";
import { HTTP_METHODS, type Endpoint } from "@/lib/http/endpoint";
import { mountedEndpoints, openApiDocument } from "@/lib/openapi/openapi-document";
import { apiRouteFiles } from "@/scripts/lib/api-route-tree";
import { routeIndexSource, ROUTE_INDEX_FILE } from "@/scripts/lib/route-index";
import { readFileSync } from "node:fs";

type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, unknown>;
};

const shapeKeys = (schema: unknown): string[] => Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {}).sort();

describe("the OpenAPI document, generated from the routes", () => {
  it("loads every route file of the tree (the generated route index is current)", () => {
    expect(readFileSync(ROUTE_INDEX_FILE, "utf8"), "run `npm run db:generate` to regenerate lib/generated/api-routes.ts").toBe(routeIndexSource());
    expect(API_ROUTE_MODULES.map((route) => route.template)).toEqual(apiRouteFiles().filter((route) => !route.isCatchAll).map((route) => route.template));
  });

  it("has each route's methods mounted on the endpoint of the file's own path and method", async () => {
    const routeTree = apiRouteFiles();
    for (const route of API_ROUTE_MODULES) {
      const routeModule = await route.load();
      for (const method of HTTP_METHODS) {
        const handler = routeModule[method] as { endpoint?: Endpoint } | undefined;
        const isImplemented = routeTree.find((file) => file.template === route.template)?.methods.includes(method) ?? false;
        // The methods a file does not implement answer 405 (otherMethods) and mount nothing.
        if (!isImplemented) continue;
        const endpoint = handler?.endpoint;
        expect(endpoint, `${method} ${route.template} answers without an endpoint: mount one with defineRoute(endpoint, …)`).toBeDefined();
        if (!endpoint) continue;
        expect(`${endpoint.method} ${endpoint.path}`, `${method} ${route.template}`).toBe(`${method} ${route.template}`);
        expect(Object.keys(endpoint.responses).length, `${method} ${route.template} declares no response`).toBeGreaterThan(0);
      }
    }
  });

  it("describes every mounted endpoint with the schemas its route parses with", async () => {
    const document = await openApiDocument();
    for (const endpoint of await mountedEndpoints()) {
      const where = `${endpoint.method} ${endpoint.path}`;
      const operation = (document.paths?.[endpoint.path] as Record<string, Operation | undefined> | undefined)?.[endpoint.method.toLowerCase()];
      expect(operation, where).toBeDefined();
      const parameters = (place: string) => (operation?.parameters ?? []).filter((p) => p.in === place).map((p) => p.name).sort();
      expect(parameters("path"), where).toEqual(shapeKeys(endpoint.params));
      expect(parameters("query"), where).toEqual(shapeKeys(endpoint.query));
      const bodyTypes = [...(endpoint.body ? ["application/json"] : []), ...(endpoint.upload ? [endpoint.upload.contentType].flat() : [])];
      if (bodyTypes.length > 0) expect(Object.keys(operation?.requestBody?.content ?? {}), where).toEqual(bodyTypes);
      else expect(operation?.requestBody, where).toBeUndefined();
      for (const status of Object.keys(endpoint.responses)) expect(Object.keys(operation?.responses ?? {}), where).toContain(status);
    }
  });

  it("never shows a secret's stored form", async () => {
    const text = JSON.stringify(await openApiDocument());
    for (const secret of ["tokenHash", "passwordHash", "secretHash"]) expect(text).not.toContain(secret);
  });
});
