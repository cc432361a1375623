import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { API_TOKEN_PREFIX, hashApiToken } from "@/lib/auth/server/api-token-auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { CreateApiTokenInput, NewApiToken } from "@/lib/tokens/token.schemas";
import { DAY_MS } from "@/lib/time-units";

const SECRET_BYTES = 32;

/** Creates a personal API token; the secret is returned this once and stored only as its SHA-256. */
export async function createApiToken({ actor, input }: { actor: Actor; input: CreateApiTokenInput }): Promise<NewApiToken> {
  // A leaked token must not be able to mint successors that outlive its revocation.
  if (actor.via === "token") {
    throw new AppError("forbidden", "An API token cannot create API tokens. Sign in to ClaimDesk and create one in Settings → API tokens.");
  }
  const secret = `${API_TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  const token = await db.apiToken.create({
    data: {
      userId: actor.userId,
      name: input.name,
      tokenHash: hashApiToken(secret),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
    },
    select: { id: true, name: true, createdAt: true, expiresAt: true },
  });
  return {
    id: token.id,
    name: token.name,
    token: secret,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
  };
}
