"use client";

import { signIn } from "next-auth/react";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

type ConnectedAccountsProps = {
  connected: { provider: string; connectedAt: string }[];
  providers: { id: string; name: string }[];
  initialError?: string;
};

/** Providers linked to the account, and "Connect" for the enabled ones that are not. */
export function ConnectedAccounts({ connected, providers, initialError }: ConnectedAccountsProps) {
  const nameOf = (id: string) => providers.find((provider) => provider.id === id)?.name ?? id;
  const linked = new Set(connected.map((account) => account.provider));
  const connectable = providers.filter((provider) => !linked.has(provider.id));
  return (
    <section className="card stack" aria-labelledby="connected-heading">
      <h2 id="connected-heading">Connected accounts</h2>
      {initialError && (
        <p className="alert alert-error" role="alert">
          {signInErrorMessage(initialError)}
        </p>
      )}
      {connected.length === 0 ? (
        <p className="muted">No provider is connected. You sign in with your email and password.</p>
      ) : (
        <ul>
          {connected.map((account) => (
            <li key={account.provider}>
              {nameOf(account.provider)}, connected {account.connectedAt.slice(0, 10)}
            </li>
          ))}
        </ul>
      )}
      {connectable.length > 0 && (
        <div className="row">
          {connectable.map((provider) => (
            <button
              key={provider.id}
              type="button"
              className="button-secondary"
              onClick={() => void signIn(provider.id, { callbackUrl: "/settings/account" })}
            >
              Connect {provider.name}
            </button>
          ))}
        </div>
      )}
      {providers.length === 0 && <p className="muted">No sign-in providers are set up on this server.</p>}
    </section>
  );
}
