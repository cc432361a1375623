import "server-only";
import { db } from "@/lib/db";
import { USER_NAME_MAX_LENGTH } from "@/lib/users/user.schemas";
import { Prisma } from "@/lib/generated/prisma/client";

export type OAuthSignInInput = {
  provider: string;
  providerAccountId: string;
  email: string | null;
  /** The provider asserts it verified the email (OIDC `email_verified`, GitHub's verified primary email). */
  isEmailVerified: boolean;
  name: string | null;
  /** The user of the session the browser already has: a sign-in from Settings → Connected accounts links to them. */
  signedInUserId: string | null;
};

export type OAuthRefusal = "email_taken" | "email_unverified" | "no_email" | "linked_to_other_user" | "provider_already_linked";

export type OAuthSignInResult =
  | { outcome: "signed_in" | "linked" | "created"; userId: string }
  | { outcome: "refused"; reason: OAuthRefusal };

/**
 * Decides who a GitHub, Google or OIDC sign-in is. A provider account is known by its own id, never
 * by email: a matching email alone never signs anyone in to an existing account, because whoever
 * controls the provider account (or a provider that does not verify emails) would take it over.
 */
export async function resolveOAuthSignIn(input: OAuthSignInInput): Promise<OAuthSignInResult> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { userId: true },
  });
  if (linked) {
    if (input.signedInUserId && input.signedInUserId !== linked.userId) return { outcome: "refused", reason: "linked_to_other_user" };
    return { outcome: "signed_in", userId: linked.userId };
  }

  if (input.signedInUserId) {
    const userId = input.signedInUserId;
    try {
      await db.account.create({ data: { userId, provider: input.provider, providerAccountId: input.providerAccountId } });
      return { outcome: "linked", userId };
    } catch (error) {
      if (isUniqueViolation(error)) return refusalAfterRace(input, userId);
      throw error;
    }
  }

  const email = input.email?.trim().toLowerCase();
  if (!email) return { outcome: "refused", reason: "no_email" };
  if (!input.isEmailVerified) return { outcome: "refused", reason: "email_unverified" };
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { outcome: "refused", reason: "email_taken" };
  try {
    const user = await db.user.create({
      data: {
        email,
        name: input.name?.trim().slice(0, USER_NAME_MAX_LENGTH) || email,
        accounts: { create: { provider: input.provider, providerAccountId: input.providerAccountId } },
      },
      select: { id: true },
    });
    return { outcome: "created", userId: user.id };
  } catch (error) {
    // Someone signed up with this email, or signed in with this provider account, a moment ago.
    if (isUniqueViolation(error)) return resolveOAuthSignIn(input);
    throw error;
  }
}

async function refusalAfterRace(input: OAuthSignInInput, userId: string): Promise<OAuthSignInResult> {
  const again = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { userId: true },
  });
  if (again?.userId === userId) return { outcome: "signed_in", userId };
  return { outcome: "refused", reason: again ? "linked_to_other_user" : "provider_already_linked" };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
