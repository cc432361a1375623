import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/**
 * Whether what a request was authenticated with still holds: its session not signed out, revoked or
 * past its lifetime, or its API token not revoked or expired. For work that outlives the request
 * that started it (live streams), which would otherwise keep a signed-out caller connected.
 */
export async function isActorSignedIn(actor: Actor): Promise<boolean> {
  const now = new Date();
  if (actor.sessionId) {
    const live = await db.userSession.count({ where: { id: actor.sessionId, userId: actor.userId, revokedAt: null, expiresAt: { gt: now } } });
    return live > 0;
  }
  if (actor.tokenId) {
    const live = await db.apiToken.count({
      where: { id: actor.tokenId, userId: actor.userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    });
    return live > 0;
  }
  return false;
}
