import { defineRoute } from "@/lib/http/define-route";
import { createApiToken } from "@/lib/tokens/server/create-api-token";
import { listApiTokens } from "@/lib/tokens/server/list-api-tokens";
import { CreateApiTokenInputSchema } from "@/lib/tokens/token.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ actor }) => ({ body: await listApiTokens({ actor }) }),
});

export const POST = defineRoute({
  auth: "required",
  body: CreateApiTokenInputSchema,
  // Not idempotent on purpose: a stored replay would keep the secret in plain text (decision 002).
  handler: async ({ actor, body }) => ({ status: 201, body: await createApiToken({ actor, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
