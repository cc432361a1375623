import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

export const API_TOKEN_PREFIX = "cd_";

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

// lastUsedAt is informational; writing it at most once a minute keeps reads from becoming writes.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor behind a bearer secret, or null when it is unknown, revoked or expired. */
export async function actorFromApiToken(secret: string): Promise<Actor | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
  const now = new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { userId: token.user.id, email: token.user.email, name: token.user.name, via: "token", tokenId: token.id };
}
