"use client";

import { signOut } from "next-auth/react";
import { discardStoredDraftsOf } from "@/components/forms/use-stored-draft";
import { useRevokeMySessions } from "@/lib/users/client/user-queries";

/** Ends every session of the user on the server, then clears this browser's cookie. */
export function SignOutEverywhere({ userId }: { userId: string }) {
  const revokeAll = useRevokeMySessions();
  return (
    <section className="card stack" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p className="muted">
        Signs you out on every browser and device, this one included. API tokens keep working; revoke them under API tokens.
      </p>
      {revokeAll.error && (
        <p className="alert alert-error" role="alert">
          {revokeAll.error.message}
        </p>
      )}
      <div>
        <button
          type="button"
          className="button-secondary"
          disabled={revokeAll.isPending}
          onClick={() =>
            revokeAll.mutate(undefined, {
              onSuccess: () => {
                discardStoredDraftsOf(userId);
                void signOut({ callbackUrl: "/signin" });
              },
            })
          }
        >
          {revokeAll.isPending ? "Signing out everywhere…" : "Sign out everywhere"}
        </button>
      </div>
    </section>
  );
}
