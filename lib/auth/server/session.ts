import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { resolveSessionActor } from "@/lib/auth/server/resolve-session-actor";

/** The signed-in user for a server component, or null for an anonymous or signed-out visitor. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  return resolveSessionActor({ cookies: await cookies(), headers: await headers() });
});

/** For pages that need sign-in: sends anonymous visitors to the sign-in page and back. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
