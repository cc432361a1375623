import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { enabledOAuthProviders } from "@/lib/auth/auth-options";
import { getSessionActor } from "@/lib/auth/server/session";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error } = await searchParams;
  if (await getSessionActor()) redirect(safeCallbackPath(callbackUrl));
  return (
    <div className="narrow">
      <h1>Sign in to ClaimDesk</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} oauthProviders={enabledOAuthProviders()} />
    </div>
  );
}
