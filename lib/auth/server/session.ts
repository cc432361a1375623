import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/auth-options";

export const getSession = cache(() => getServerSession(authOptions()));

/** The signed-in user for a server component, or null for an anonymous visitor. */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await getSession();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { userId: user.id, email: user.email, name: user.name ?? user.email, via: "session" };
}

/** For pages that need sign-in: sends anonymous visitors to the sign-in page and back. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
