import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { consumeSignInAttempt } from "@/lib/auth/server/sign-in-rate-limit";
import { revokeUserSessions } from "@/lib/auth/server/user-sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { ChangePasswordInput, RevokedSessions } from "@/lib/users/user.schemas";

/**
 * Sets a new password after checking the current one, and ends every other session of the user
 * (whoever else may know the old password is signed out); the session making the change stays.
 */
export async function changePassword(input: { actor: Actor; input: ChangePasswordInput; clientIp: string }): Promise<RevokedSessions> {
  const { actor } = input;
  if (actor.via === "token") throw new AppError("forbidden", "Sign in to ClaimDesk to change your password; an API token cannot change it.");
  // Guesses of the current password count against the same limit as sign-in attempts.
  const limited = await consumeSignInAttempt(actor.email, input.clientIp);
  if (limited) {
    throw new AppError("rate_limited", "Too many password attempts. Wait a few minutes and try again.", {
      headers: { "Retry-After": String(limited.retryAfterSeconds) },
    });
  }
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("unauthenticated", "Your account no longer exists. Sign up again.");
  if (!user.passwordHash) {
    throw new AppError("conflict", "Your account signs in through a connected provider and has no password to change.");
  }
  if (!(await verifyPassword(user.passwordHash, input.input.currentPassword))) {
    throw fieldError("currentPassword", "The current password is not correct.");
  }
  const weakness = passwordWeakness(input.input.newPassword, [actor.email, actor.name]);
  if (weakness) throw fieldError("newPassword", weakness);

  const passwordHash = await hashPassword(input.input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const revokedSessions = await revokeUserSessions({ userId: actor.userId, keepSessionId: actor.sessionId }, tx);
    return { revokedSessions };
  });
}

function fieldError(field: keyof ChangePasswordInput, message: string): AppError {
  return new AppError("validation_failed", message, { details: [{ path: ["body", field], message }] });
}
