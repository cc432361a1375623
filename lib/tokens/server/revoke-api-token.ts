import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { forgetApiToken } from "@/lib/auth/server/api-token-auth";
import { TOKEN_REVOKED_CHANNEL } from "@/lib/auth/server/token-revocations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/**
 * Revokes one of the caller's tokens at once, on every app instance: the NOTIFY reaches each
 * instance's token cache as the revocation commits (token-revocations.ts). Revoking a revoked token
 * changes nothing.
 */
export async function revokeApiToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<void> {
  const [{ count }] = await db.$transaction([
    db.apiToken.updateMany({ where: { id: tokenId, userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.$executeRaw`SELECT pg_notify(${TOKEN_REVOKED_CHANNEL}, ${tokenId}::text)`,
  ]);
  // Even when it was revoked already (perhaps through another instance), nothing here may keep it.
  forgetApiToken(tokenId);
  if (count > 0) return;
  // Someone else's token and a missing one answer alike.
  const isOwnToken = (await db.apiToken.count({ where: { id: tokenId, userId: actor.userId } })) > 0;
  if (!isOwnToken) throw new AppError("not_found", "This API token does not exist, or is not yours.");
}
