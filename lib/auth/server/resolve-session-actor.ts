import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";

const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";

/** What a session cookie is read from: a route's NextRequest, or a page's cookies() and headers(). */
export type SessionCookieSource = {
  cookies: { getAll(): { name: string; value: string }[] };
  headers: Headers;
};

/**
 * The one lookup from a session cookie to an actor, for API routes and pages alike. A JWT alone is
 * not enough: its session row must be live (not signed out, not revoked, not past its absolute
 * lifetime). One query by primary key, which also brings the user's current name and email.
 */
export async function resolveSessionActor(source: SessionCookieSource): Promise<Actor | null> {
  // Behind HTTPS next-auth names its cookie with the __Secure- prefix, which only secure pages can set;
  // when NEXTAUTH_URL pins the origin, its scheme decides.
  const pinned = serverEnv().NEXTAUTH_URL;
  const secureCookie = pinned
    ? pinned.startsWith("https:")
    : source.cookies.getAll().some((cookie) => cookie.name.startsWith(SECURE_SESSION_COOKIE));
  const token = await getToken({ req: source as unknown as NextRequest, secret: serverEnv().NEXTAUTH_SECRET, secureCookie });
  if (!token?.sub || !token.sid) return null;
  const session = await db.userSession.findFirst({
    where: { id: token.sid, userId: token.sub, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!session) return null;
  const { user } = session;
  return { userId: user.id, email: user.email, name: user.name, via: "session", sessionId: session.id };
}
