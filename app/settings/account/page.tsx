import type { Metadata } from "next";
import { ConnectedAccounts } from "@/components/settings/connected-accounts";
import { PasswordForm } from "@/components/settings/password-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { enabledOAuthProviders } from "@/lib/auth/auth-options";
import { requirePageActor } from "@/lib/auth/server/session";
import { getAccountSettings } from "@/lib/users/server/get-account-settings";

export const metadata: Metadata = { title: "Account" };

type AccountPageProps = { searchParams: Promise<{ error?: string }> };

export default async function AccountPage({ searchParams }: AccountPageProps) {
  const actor = await requirePageActor("/settings/account");
  const settings = await getAccountSettings(actor);
  const { error } = await searchParams;
  return (
    <div className="stack narrow">
      <h1>Account</h1>
      <p className="muted">
        Signed in as {actor.name} ({actor.email}).
      </p>
      {settings.hasPassword && <PasswordForm />}
      <ConnectedAccounts
        connected={settings.connectedAccounts}
        providers={enabledOAuthProviders()}
        initialError={error}
      />
      <SignOutEverywhere userId={actor.userId} />
    </div>
  );
}
