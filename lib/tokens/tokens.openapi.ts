import { errorResponses, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import {
  ApiTokenIdParamsSchema,
  ApiTokenListSchema,
  CreateApiTokenInputSchema,
  NewApiTokenSchema,
} from "@/lib/tokens/token.schemas";

const tags = ["Accounts"];

export const registerTokenPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/tokens",
    tags,
    summary: "The caller's personal API tokens, newest first (never their secrets)",
    responses: {
      200: jsonContent(ApiTokenListSchema, "Every token of the caller, revoked and expired ones included (nextCursor is null)"),
      ...errorResponses("unauthenticated"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/tokens",
    tags,
    summary: "Create a personal API token (Idempotency-Key is ignored: the secret is never stored)",
    description:
      "Send the token as `Authorization: Bearer <token>`; it acts as you in every workspace you are a member of. The secret is in this response only and is stored as a hash. Needs a signed-in session: a token cannot create tokens (403).",
    request: {
      body: { required: true, content: { "application/json": { schema: CreateApiTokenInputSchema } } },
    },
    responses: {
      201: jsonContent(NewApiTokenSchema, "The new token, with its secret"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "unsupported_media_type", "rate_limited"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/tokens/{tokenId}",
    tags,
    summary: "Revoke one of the caller's tokens; it answers 401 from then on",
    request: { params: ApiTokenIdParamsSchema },
    responses: {
      204: { description: "Revoked (also when it already was)" },
      ...errorResponses("unauthenticated", "forbidden", "not_found", "rate_limited"),
    },
  });
};
