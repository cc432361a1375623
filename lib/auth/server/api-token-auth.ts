import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { isUnchangedSince, revocationEpoch } from "@/lib/auth/server/token-revocations";
import { serverEnv } from "@/lib/env";

export const API_TOKEN_PREFIX = "cd_";

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

// lastUsedAt is informational; writing it at most once a minute keeps reads from becoming writes.
const LAST_USED_RESOLUTION_MS = 60_000;
// Scripts use a few tokens each; the bound keeps a flood of distinct valid tokens from growing memory.
const CACHE_MAX_ENTRIES = 10_000;

type CachedToken = { actor: Actor; tokenExpiresAt: number | null; cachedUntil: number };

/**
 * Valid tokens looked up in the last API_TOKEN_CACHE_SECONDS, by hash, so a script's run of
 * requests costs one lookup per few seconds instead of one per request. Only valid tokens are kept
 * (an unknown or revoked one is asked about every time); a token's own expiry is checked on every
 * use; a revocation is heard by every instance as it commits (token-revocations.ts), which forgets
 * the token, and an instance that is not listening reuses and keeps nothing (docs/security.md ›
 * API tokens).
 */
const cache = new Map<string, CachedToken>();
const hearing = { onRevoked: forgetApiToken, onDeaf: () => cache.clear() };

/** The actor behind a bearer secret, or null when it is unknown, revoked or expired. */
export async function actorFromApiToken(secret: string): Promise<Actor | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = hashApiToken(secret);
  const ttlMs = serverEnv().API_TOKEN_CACHE_SECONDS * 1000;
  const since = ttlMs > 0 ? await revocationEpoch(hearing) : null;
  const nowMs = Date.now();
  const cached = cache.get(tokenHash);
  if (since !== null && cached && cached.cachedUntil > nowMs && (cached.tokenExpiresAt === null || cached.tokenExpiresAt > nowMs)) return { ...cached.actor };
  if (cached) cache.delete(tokenHash);

  const token = await db.apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
  const now = new Date(nowMs);
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const actor: Actor = { userId: token.user.id, email: token.user.email, name: token.user.name, via: "token", tokenId: token.id };
  // A revocation heard while this looked up may be of this very token: then keep nothing.
  if (isUnchangedSince(since)) {
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value ?? "");
    cache.set(tokenHash, { actor, tokenExpiresAt: token.expiresAt?.getTime() ?? null, cachedUntil: nowMs + ttlMs });
  }
  return actor;
}

/** Forgets a token's cached lookup in this instance, so its revocation holds from the next request. */
export function forgetApiToken(tokenId: string): void {
  for (const [tokenHash, entry] of cache) if (entry.actor.tokenId === tokenId) cache.delete(tokenHash);
}
