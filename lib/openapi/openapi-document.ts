import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { registerClaimPaths } from "@/lib/claims/claims.openapi";
import { registerExportPaths } from "@/lib/exports/exports.openapi";
import { registerImportPaths } from "@/lib/imports/imports.openapi";
import { registerDiscussionPaths } from "@/lib/comments/comments.openapi";
import { registerTeamPaths } from "@/lib/review/review.openapi";
import { registerInvitationPaths } from "@/lib/invitations/invitations.openapi";
import { registerMatchingPaths } from "@/lib/matching/matching.openapi";
import { registerMemberPaths } from "@/lib/members/members.openapi";
import { errorResponses, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { registerPassagePaths } from "@/lib/passages/passages.openapi";
import { registerSearchPaths } from "@/lib/search/search.openapi";
import { registerSuggestionPaths } from "@/lib/suggestions/suggestions.openapi";
import { registerTokenPaths } from "@/lib/tokens/tokens.openapi";
import { registerUserPaths } from "@/lib/users/users.openapi";
import { registerWorkspacePaths } from "@/lib/workspaces/workspaces.openapi";

// Every feature adds its paths here; the document is generated from the same zod schemas the routes parse with.
const FEATURE_PATHS: RegisterPaths[] = [registerUserPaths, registerTokenPaths, registerWorkspacePaths, registerPassagePaths, registerClaimPaths, registerDiscussionPaths, registerTeamPaths, registerMemberPaths, registerInvitationPaths, registerExportPaths, registerImportPaths, registerSuggestionPaths, registerMatchingPaths, registerSearchPaths];

const HealthSchema = z
  .object({ status: z.enum(["ok", "degraded"]), db: z.enum(["ok", "unreachable"]), retryAfterSeconds: z.number().int().optional() })
  .meta({ id: "Health" });

// Every write goes through defineRoute's rate limit, so every write can answer 429.
function withRateLimitAnswers(registry: OpenAPIRegistry): OpenAPIRegistry {
  return Object.assign(Object.create(registry) as OpenAPIRegistry, {
    registerPath: (route: Parameters<OpenAPIRegistry["registerPath"]>[0]) =>
      registry.registerPath(
        route.method === "get" ? route : { ...route, responses: { ...errorResponses("rate_limited"), ...route.responses } },
      ),
  });
}

let cachedDocument: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

export function openApiDocument() {
  if (cachedDocument) return cachedDocument;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "next-auth.session-token" });
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A personal API token" });
  registry.registerPath({
    method: "get",
    path: "/api/health",
    tags: ["Health"],
    summary: "Liveness and database reachability",
    security: [],
    responses: { 200: jsonContent(HealthSchema, "Healthy"), 503: jsonContent(HealthSchema, "The database is unreachable (with `Retry-After`)") },
  });
  for (const register of FEATURE_PATHS) register(withRateLimitAnswers(registry));
  cachedDocument = new OpenApiGeneratorV31(registry.definitions).generateDocument({
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
  return cachedDocument;
}
