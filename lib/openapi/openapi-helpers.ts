import type { OpenAPIRegistry, RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { ZodType } from "zod";
import { ERROR_STATUS, ErrorBodySchema, type ErrorCode } from "@/lib/http/errors";

export const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
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

export const jsonContent = (schema: ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export function errorResponses(...codes: ErrorCode[]): RouteConfig["responses"] {
  return Object.fromEntries(
    codes.map((code) => [String(ERROR_STATUS[code]), jsonContent(ErrorBodySchema, ERROR_DESCRIPTIONS[code] ?? code)]),
  );
}

export const jsonBody = (schema: ZodType) => ({ body: { required: true, content: { "application/json": { schema } } } });

export type RegisterPaths = (registry: OpenAPIRegistry) => void;
