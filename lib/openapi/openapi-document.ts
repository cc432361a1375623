import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { ZodObject, ZodType } from "zod";
import { API_ROUTE_MODULES } from "@/lib/generated/api-routes";
import { HTTP_METHODS, IDEMPOTENCY_KEY_REUSED_STATUS, implicitErrors, type Endpoint, type ResponseDeclaration } from "@/lib/http/endpoint";
import { ERROR_STATUS, ErrorBodySchema } from "@/lib/http/errors";

import { registerClaimPaths } from "@/lib/claims/claims.openapi";
import { registerDiscussionPaths } from "@/lib/comments/comments.openapi";
import { registerTeamPaths } from "@/lib/review/review.openapi";
import { registerInvitationPaths } from "@/lib/invitations/invitations.openapi";
import { registerMatchingPaths } from "@/lib/matching/matching.openapi";
import { registerMemberPaths } from "@/lib/members/members.openapi";
import { ERROR_DESCRIPTIONS, errorResponses, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { registerSearchPaths } from "@/lib/search/search.openapi";
import { registerUserPaths } from "@/lib/users/users.openapi";
import { registerWorkspacePaths } from "@/lib/workspaces/workspaces.openapi";

// One line per feature; each helper removes its own feature's line as it moves to *.endpoints.ts.
const LEGACY_FEATURE_PATHS: RegisterPaths[] = [
  registerUserPaths,
  registerWorkspacePaths,
  registerClaimPaths,
  registerDiscussionPaths,
  registerTeamPaths,
  registerMemberPaths,
  registerInvitationPaths,
  registerMatchingPaths,
  registerSearchPaths,
];

type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;


/** Every endpoint that a route file mounts, read from the route tree (lib/generated/api-routes.ts). */
export async function mountedEndpoints(): Promise<Endpoint[]> {
  const modules = await Promise.all(API_ROUTE_MODULES.map((route) => route.load()));
  return modules.flatMap((module) =>
    HTTP_METHODS.flatMap((method) => {
      const handler = module[method] as { endpoint?: Endpoint } | undefined;
      return handler?.endpoint ? [handler.endpoint] : [];
    }),
  );
}

let cachedDocument: Promise<OpenApiDocument> | undefined;

/** The OpenAPI document, generated from the endpoints the routes mount and nothing else. */
export function openApiDocument(): Promise<OpenApiDocument> {
  cachedDocument ??= generateDocument();
  return cachedDocument;
}

async function generateDocument(): Promise<OpenApiDocument> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "next-auth.session-token" });
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A personal API token" });
  const endpoints = await mountedEndpoints();
  for (const endpoint of endpoints) registry.registerPath(operation(endpoint));
  registerLegacyPaths(registry, new Set(endpoints.map((endpoint) => `${endpoint.method.toLowerCase()} ${endpoint.path}`)));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "ClaimDesk API",
      version: "1",
      description:
        "The API the ClaimDesk UI and outside clients share. JSON in and out; errors are `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: "/" }],
    security: [{ session: [] }, { bearer: [] }],
  });
}

// MIGRATION ONLY (issue 13): the hand-written registrations of routes that mount no endpoint yet.
function registerLegacyPaths(registry: OpenAPIRegistry, mounted: Set<string>): void {
  const skippingMounted = Object.assign(Object.create(registry) as OpenAPIRegistry, {
    registerPath: (route: RouteConfig) => {
      if (mounted.has(`${route.method} ${route.path}`)) return;
      registry.registerPath(route.method === "get" ? route : { ...route, responses: { ...errorResponses("rate_limited"), ...route.responses } });
    },
  });
  for (const register of LEGACY_FEATURE_PATHS) register(skippingMounted);
}

function operation(endpoint: Endpoint): RouteConfig {
  const errorCodes = [...new Set([...endpoint.errors, ...implicitErrors(endpoint)])];
  const errors = Object.fromEntries(
    errorCodes.map((code) => [String(ERROR_STATUS[code]), jsonContent(ErrorBodySchema, ERROR_DESCRIPTIONS[code] ?? code)]),
  );
  if (endpoint.isIdempotent) {
    errors[String(IDEMPOTENCY_KEY_REUSED_STATUS)] = jsonContent(ErrorBodySchema, "The Idempotency-Key was already used with a different body");
  }
  const answers = Object.fromEntries(Object.entries(endpoint.responses).map(([status, declared]) => [status, responseObject(declared)]));
  // A route may take JSON (`body`) and files (`upload`, in one or more media types) on the same path.
  const upload = endpoint.upload;
  const content: Record<string, { schema: ZodType }> = {
    ...(endpoint.body ? { "application/json": { schema: endpoint.body } } : {}),
    ...(upload ? Object.fromEntries([upload.contentType].flat().map((type) => [type, { schema: upload.schema }])) : {}),
  };
  const body = Object.keys(content).length > 0 ? { required: true, content } : undefined;
  return {
    method: endpoint.method.toLowerCase() as RouteConfig["method"],
    path: endpoint.path,
    tags: [...endpoint.tags],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(endpoint.auth === "none" ? { security: [] } : {}),
    request: {
      ...(endpoint.params ? { params: endpoint.params as ZodObject } : {}),
      ...(endpoint.query ? { query: endpoint.query as ZodObject } : {}),
      ...(endpoint.headers ? { headers: endpoint.headers as ZodObject } : {}),
      ...(body ? { body } : {}),
    },
    responses: { ...errors, ...answers },
  };
}

function jsonContent(schema: ZodType, description: string) {
  return { description, content: { "application/json": { schema } } };
}

function responseObject(declared: ResponseDeclaration) {
  if ("schema" in declared) return jsonContent(declared.schema, declared.description);
  if ("isEmpty" in declared) return { description: declared.description };
  return {
    description: declared.description,
    content: Object.fromEntries(declared.contentTypes.map((type) => [type, { schema: { type: "string" as const, format: "binary" } }])),
  };
}
