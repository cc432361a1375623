import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { Me } from "@/lib/users/user.schemas";

export async function getMe(actor: Actor): Promise<Me> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, createdAt: true },
  });
  if (!user) throw new AppError("unauthenticated", "Your account no longer exists. Sign up again.");
  return { ...user, createdAt: user.createdAt.toISOString(), authenticatedVia: actor.via === "session" ? "session" : "token" };
}
