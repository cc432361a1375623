import "server-only";
import type { DbClient, DbTransaction } from "@/lib/db";
import { db } from "@/lib/db";

/** Absolute lifetime of a sign-in: the JWT is refreshed while in use, the session row is not. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

type Client = DbClient | DbTransaction;

/** Starts the server-side record of one sign-in; its id goes into the session JWT as `sid`. */
export async function createUserSession(
  input: { userId: string; userAgent?: string | null },
  client: Client = db,
): Promise<{ id: string; expiresAt: Date }> {
  return client.userSession.create({
    data: {
      userId: input.userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true, expiresAt: true },
  });
}

/** Ends one session (sign-out). Unknown or already ended sessions are left as they are. */
export async function revokeUserSession(sessionId: string, client: Client = db): Promise<void> {
  await client.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every live session of a user, except `keepSessionId` (the caller's own, after a password change). */
export async function revokeUserSessions(
  input: { userId: string; keepSessionId?: string },
  client: Client = db,
): Promise<number> {
  const { count } = await client.userSession.updateMany({
    where: { userId: input.userId, revokedAt: null, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
