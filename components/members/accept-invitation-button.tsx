"use client";

import { useRouter } from "next/navigation";
import { useAcceptInvitation } from "@/lib/invitations/client/invitation-queries";

/** Accepts the invitation and opens the workspace; a refusal is shown and the page reloaded with the current state. */
export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const accept = useAcceptInvitation(token);
  return (
    <div className="stack">
      <div>
        <button type="button" disabled={accept.isPending || accept.isSuccess} onClick={() =>
            accept.mutate(undefined, {
              onSuccess: (accepted) => {
                router.push(`/w/${accepted.workspace.id}`);
                router.refresh();
              },
              onError: () => router.refresh(),
            })
          }>
          {accept.isPending || accept.isSuccess ? "Joining…" : `Accept and join ${workspaceName}`}
        </button>
      </div>
      {accept.error && (
        <p className="alert alert-error" role="alert">
          {accept.error.message}
        </p>
      )}
    </div>
  );
}
