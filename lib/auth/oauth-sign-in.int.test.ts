import type { Account, Profile, User } from "next-auth";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { resolveOAuthSignIn, type OAuthSignInInput } from "@/lib/auth/server/resolve-oauth-sign-in";
import { createUserRecord, uniqueSuffix } from "@/lib/fixtures/factories";
import { db } from "@/scripts/test/desk";

// No provider is contacted: these are the answers GitHub, Google or an OIDC issuer would have given.
function providerSignIn(overrides: Partial<OAuthSignInInput> = {}): OAuthSignInInput {
  return {
    provider: "github",
    providerAccountId: `gh-${uniqueSuffix()}`,
    email: `person-${uniqueSuffix()}@example.test`,
    isEmailVerified: true,
    name: "Provider Person",
    signedInUserId: null,
    ...overrides,
  };
}

const accountsOf = (userId: string) => db.account.findMany({ where: { userId }, select: { provider: true, providerAccountId: true } });

describe("resolveOAuthSignIn", () => {
  it("creates an account on a first sign-in with a verified email nobody uses, and signs the same person in again by provider id", async () => {
    const input = providerSignIn({ email: `New.Person.${uniqueSuffix()}@Example.test` });
    const first = await resolveOAuthSignIn(input);
    expect(first).toEqual({ outcome: "created", userId: expect.any(String) });
    if (first.outcome !== "created") return;
    const user = await db.user.findUniqueOrThrow({ where: { id: first.userId }, select: { email: true, name: true, passwordHash: true } });
    expect(user).toEqual({ email: input.email!.toLowerCase(), name: "Provider Person", passwordHash: null });
    expect(await accountsOf(first.userId)).toEqual([{ provider: "github", providerAccountId: input.providerAccountId }]);

    // The provider's email changed since: the provider account id still says who it is.
    const again = await resolveOAuthSignIn({ ...input, email: `changed-${uniqueSuffix()}@example.test` });
    expect(again).toEqual({ outcome: "signed_in", userId: first.userId });
  });

  it("never signs in to an existing account just because the provider returns its email, whatever its case", async () => {
    const existing = await createUserRecord(db);
    const result = await resolveOAuthSignIn(providerSignIn({ email: existing.email.toUpperCase() }));
    expect(result).toEqual({ outcome: "refused", reason: "email_taken" });
    expect(await accountsOf(existing.id)).toEqual([]);
  });

  it("refuses a first sign-in whose email the provider does not call verified, creating nothing", async () => {
    const input = providerSignIn({ provider: "oidc", isEmailVerified: false });
    expect(await resolveOAuthSignIn(input)).toEqual({ outcome: "refused", reason: "email_unverified" });
    expect(await db.user.count({ where: { email: input.email! } })).toBe(0);
  });

  it("refuses a first sign-in without an email", async () => {
    expect(await resolveOAuthSignIn(providerSignIn({ email: null }))).toEqual({ outcome: "refused", reason: "no_email" });
  });

  it("links a provider account to the signed-in user, whose email it need not share, and signs them in by it afterwards", async () => {
    const user = await createUserRecord(db);
    const input = providerSignIn({ provider: "google", isEmailVerified: false, signedInUserId: user.id });
    expect(await resolveOAuthSignIn(input)).toEqual({ outcome: "linked", userId: user.id });
    expect(await accountsOf(user.id)).toEqual([{ provider: "google", providerAccountId: input.providerAccountId }]);
    expect(await resolveOAuthSignIn({ ...input, signedInUserId: null })).toEqual({ outcome: "signed_in", userId: user.id });
    expect(await resolveOAuthSignIn(input)).toEqual({ outcome: "signed_in", userId: user.id });
  });

  it("refuses to link a provider account that belongs to someone else", async () => {
    const owner = await createUserRecord(db);
    const other = await createUserRecord(db);
    const input = providerSignIn({ signedInUserId: owner.id });
    await resolveOAuthSignIn(input);
    expect(await resolveOAuthSignIn({ ...input, signedInUserId: other.id })).toEqual({ outcome: "refused", reason: "linked_to_other_user" });
    expect(await accountsOf(other.id)).toEqual([]);
  });

  it("refuses a second account of the same provider for one user", async () => {
    const user = await createUserRecord(db);
    await resolveOAuthSignIn(providerSignIn({ signedInUserId: user.id }));
    expect(await resolveOAuthSignIn(providerSignIn({ signedInUserId: user.id }))).toEqual({ outcome: "refused", reason: "provider_already_linked" });
    expect(await accountsOf(user.id)).toHaveLength(1);
  });
});

describe("next-auth's callbacks for a provider sign-in", () => {
  const account = (providerAccountId: string): Account => ({ provider: "oidc", type: "oauth", providerAccountId });

  it("refuses a takeover with a redirect to the sign-in page that says how to connect", async () => {
    const existing = await createUserRecord(db);
    const { signIn } = authOptions().callbacks!;
    const user: User = { id: "from-provider", email: existing.email, name: "Someone" };
    const answer = await signIn!({ user, account: account(`sub-${uniqueSuffix()}`), profile: { email_verified: true } as Profile });
    expect(answer).toBe("/signin?error=OAuthEmailTaken");
  });

  it("sends a refused link from Settings back to Settings", async () => {
    const owner = await createUserRecord(db);
    const other = await createUserRecord(db);
    const providerAccountId = `sub-${uniqueSuffix()}`;
    await resolveOAuthSignIn(providerSignIn({ provider: "oidc", providerAccountId, signedInUserId: owner.id }));
    const { signIn } = authOptions({ signedInUserId: other.id }).callbacks!;
    const answer = await signIn!({ user: { id: "x", email: other.email }, account: account(providerAccountId), profile: {} as Profile });
    expect(answer).toBe("/settings/account?error=OAuthLinkedElsewhere");
  });

  it("puts the decided user and a new session into the JWT", async () => {
    const email = `oidc-${uniqueSuffix()}@example.test`;
    const { signIn, jwt } = authOptions({ userAgent: "Test Browser" }).callbacks!;
    const user: User = { id: "provider-sub", email, name: "Oidc Person" };
    const providerAccount = account(`sub-${uniqueSuffix()}`);
    expect(await signIn!({ user, account: providerAccount, profile: { email_verified: true } as Profile })).toBe(true);
    const token = await jwt!({ token: {}, user, account: providerAccount });
    const stored = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(token).toMatchObject({ sub: stored.id, email, sid: expect.any(String) });
    const session = await db.userSession.findUniqueOrThrow({ where: { id: token.sid! } });
    expect(session).toMatchObject({ userId: stored.id, revokedAt: null, userAgent: "Test Browser" });
  });
});
