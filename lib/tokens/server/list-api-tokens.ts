import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiToken, ApiTokenList } from "@/lib/tokens/token.schemas";

/** The caller's API tokens, newest first, revoked and expired ones included; never their hashes. */
export async function listApiTokens({ actor }: { actor: Actor }): Promise<ApiTokenList> {
  const tokens = await db.apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  const now = new Date();
  return {
    items: tokens.map(
      (token): ApiToken => ({
        id: token.id,
        name: token.name,
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt?.toISOString() ?? null,
        revokedAt: token.revokedAt?.toISOString() ?? null,
        isActive: !token.revokedAt && (!token.expiresAt || token.expiresAt > now),
      }),
    ),
    nextCursor: null,
  };
}
