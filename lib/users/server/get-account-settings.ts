import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

export type AccountSettings = {
  hasPassword: boolean;
  connectedAccounts: { provider: string; connectedAt: string }[];
};

/** What Settings → Account shows: whether a password is set, and the providers linked to the caller. */
export async function getAccountSettings(actor: Actor): Promise<AccountSettings> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { passwordHash: true, accounts: { select: { provider: true, createdAt: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user) throw new AppError("unauthenticated", "Your account no longer exists. Sign up again.");
  return {
    hasPassword: user.passwordHash !== null,
    connectedAccounts: user.accounts.map((account) => ({ provider: account.provider, connectedAt: account.createdAt.toISOString() })),
  };
}
