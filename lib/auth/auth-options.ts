import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { redirectAfterSignIn } from "@/lib/auth/callback-path";
import { verifyPassword } from "@/lib/auth/password";
import { resolveOAuthSignIn, type OAuthRefusal } from "@/lib/auth/server/resolve-oauth-sign-in";
import { createUserSession, revokeUserSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/server/user-sessions";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { safeFetch } from "@/lib/fetching/safe-fetch";
import { SignInInputSchema } from "@/lib/users/user.schemas";

function oauthProviders(): Provider[] {
  const env = serverEnv();
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        // GitHub's profile says nothing of verification: take the primary email only when GitHub
        // verified it, and say so the way OIDC does (`email_verified`), for resolveOAuthSignIn.
        userinfo: {
          url: "https://api.github.com/user",
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token ?? "");
            const response = await safeFetch("https://api.github.com/user/emails", {
              accept: ["application/json"],
              headers: { Authorization: `token ${tokens.access_token ?? ""}`, Accept: "application/vnd.github+json" },
            });
            const emails =
              response.status === 200 ? (JSON.parse(response.body.toString("utf8")) as { email: string; primary: boolean; verified: boolean }[]) : [];
            const primary = emails.find((entry) => entry.primary && entry.verified);
            return { ...profile, email: primary?.email, email_verified: Boolean(primary) };
          },
        },
      }),
    );
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    });
  }
  return providers;
}

/** The ids and names of the OAuth/OIDC providers switched on by environment variables. */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}

/** Why a provider sign-in was refused, as the sign-in page's `error` parameter (see sign-in-form.tsx). */
export const OAUTH_REFUSAL_ERRORS: Record<OAuthRefusal, string> = {
  email_taken: "OAuthEmailTaken",
  email_unverified: "OAuthEmailUnverified",
  no_email: "OAuthNoEmail",
  linked_to_other_user: "OAuthLinkedElsewhere",
  provider_already_linked: "OAuthProviderAlreadyLinked",
};

/** What next-auth's callbacks need to know about the request being handled. */
export type AuthRequestContext = {
  userAgent?: string | null;
  /** The user of a live session the browser already has: a provider sign-in then links to them. */
  signedInUserId?: string | null;
};

/** next-auth's options for one request (the callbacks close over what they need of it). */
export function authOptions(context: AuthRequestContext = {}): NextAuthOptions {
  const env = serverEnv();
  // signIn decides who a provider sign-in is; jwt, called right after in the same request, uses it.
  let oauthUserId: string | null = null;
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const parsed = SignInInputSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await db.user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, email: true, name: true, passwordHash: true },
          });
          const isValid = await verifyPassword(user?.passwordHash, parsed.data.password);
          if (!user || !isValid) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const result = await resolveOAuthSignIn({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email ?? null,
          isEmailVerified: (profile as { email_verified?: unknown } | undefined)?.email_verified === true,
          name: user.name ?? null,
          signedInUserId: context.signedInUserId ?? null,
        });
        if (result.outcome === "refused") {
          // Linking from Settings reports back there; the sign-in page would send a signed-in user on.
          const page = context.signedInUserId ? "/settings/account" : "/signin";
          return `${page}?error=${OAUTH_REFUSAL_ERRORS[result.reason]}`;
        }
        oauthUserId = result.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        const userId = account.provider === "credentials" ? user.id : oauthUserId;
        if (!userId) throw new Error("A provider sign-in reached the jwt callback without a decided user");
        const stored = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
        const session = await createUserSession({ userId, userAgent: context.userAgent });
        return { sub: stored.id, email: stored.email, name: stored.name, sid: session.id };
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
      redirect: redirectAfterSignIn,
    },
    events: {
      async signOut({ token }) {
        if (token.sid) await revokeUserSession(token.sid);
      },
    },
  };
}
