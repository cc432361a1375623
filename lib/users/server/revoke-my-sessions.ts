import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { revokeUserSessions } from "@/lib/auth/server/user-sessions";
import { AppError } from "@/lib/http/errors";
import type { RevokedSessions } from "@/lib/users/user.schemas";

/** "Sign out everywhere": ends every signed-in session of the caller, this one included. API tokens stay. */
export async function revokeMySessions(actor: Actor): Promise<RevokedSessions> {
  // A token (perhaps made by whoever took over a session) must not be able to sign its owner out.
  if (actor.via === "token") throw new AppError("forbidden", "Sign in to ClaimDesk to sign out everywhere; an API token cannot do it.");
  return { revokedSessions: await revokeUserSessions({ userId: actor.userId }) };
}
