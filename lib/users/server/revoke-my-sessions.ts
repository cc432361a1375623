import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { revokeUserSessions } from "@/lib/auth/server/user-sessions";
import type { RevokedSessions } from "@/lib/users/user.schemas";

/** "Sign out everywhere": ends every signed-in session of the caller, this one included. API tokens stay. */
export async function revokeMySessions(actor: Actor): Promise<RevokedSessions> {
  return { revokedSessions: await revokeUserSessions({ userId: actor.userId }) };
}
