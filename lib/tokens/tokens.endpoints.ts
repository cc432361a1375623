import { endpoint, json, noContent } from "@/lib/http/endpoint";
import { ApiTokenIdParamsSchema, ApiTokenListSchema, CreateApiTokenInputSchema, NewApiTokenSchema } from "@/lib/tokens/token.schemas";

const tags = ["Accounts"];

export const listApiTokensEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/tokens",
  summary: "The caller's personal API tokens, newest first (never their secrets)",
  tags,
  auth: "required",
  responses: { 200: json(ApiTokenListSchema, "Every token of the caller, revoked and expired ones included (nextCursor is null)") },
  errors: [],
});

export const createApiTokenEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/tokens",
  summary: "Create a personal API token (Idempotency-Key is ignored: the secret is never stored)",
  description:
    "Send the token as `Authorization: Bearer <token>`; it acts as you in every workspace you are a member of. The secret is in this response only and is stored as a hash. Needs a signed-in session: a token cannot create tokens (403).",
  tags,
  auth: "required",
  body: CreateApiTokenInputSchema,
  // Not idempotent on purpose: a stored replay would keep the secret in plain text (decision 002).
  responses: { 201: json(NewApiTokenSchema, "The new token, with its secret") },
  errors: ["forbidden"],
});

export const revokeApiTokenEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/tokens/{tokenId}",
  summary: "Revoke one of the caller's tokens; it answers 401 from then on",
  tags,
  auth: "required",
  params: ApiTokenIdParamsSchema,
  responses: { 204: noContent("Revoked (also when it already was)") },
  errors: ["forbidden", "not_found"],
});
