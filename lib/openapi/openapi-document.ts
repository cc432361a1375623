import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodObject, type ZodType } from "zod";
import { API_ROUTE_MODULES } from "@/lib/generated/api-routes";
import { HTTP_METHODS, IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_REUSED_STATUS, implicitErrors, type Endpoint, type ResponseDeclaration } from "@/lib/http/endpoint";
import { ERROR_STATUS, ErrorBodySchema, type ErrorCode } from "@/lib/http/errors";

const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  validation_failed: "The input is not valid; `details` lists each problem",
  unauthenticated: "No valid session or API token",
  forbidden: "Your role does not allow this, or a cross-site cookie request",
  not_found: "Missing, deleted, or in a workspace you are not a member of",
  conflict: "Conflicts with the current state",
  gone: "Deleted",
  precondition_failed: "The If-Match version is stale; `details.current` holds the current item",
  payload_too_large: "The body is over the limit",
  unsupported_media_type: "The body is not JSON",
  precondition_required: "If-Match is required",
  rate_limited: "Too many requests; see Retry-After",
  unavailable: "The database cannot be reached; see Retry-After",
};

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
  for (const endpoint of await mountedEndpoints()) registry.registerPath(operation(endpoint));
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
  const headers = requestHeaders(endpoint);
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
      ...(headers ? { headers } : {}),
      ...(body ? { body } : {}),
    },
    responses: { ...errors, ...answers },
  };
}

const IdempotencyKeyHeaderSchema = z.object({
  "idempotency-key": z
    .string()
    .max(IDEMPOTENCY_KEY_MAX_LENGTH)
    .optional()
    .describe("Any unique string per attempt (a UUID); a retry with the same key answers the first result instead of creating twice"),
});

function requestHeaders(endpoint: Endpoint): ZodObject | undefined {
  const declared = endpoint.headers as ZodObject | undefined;
  if (!endpoint.isIdempotent) return declared;
  return declared ? declared.extend(IdempotencyKeyHeaderSchema.shape) : IdempotencyKeyHeaderSchema;
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
