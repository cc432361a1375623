"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { myWorkspacesQueryKey } from "@/components/workspaces/workspace-switcher";
import { apiFetch } from "@/lib/http/api-fetch";
import type { AcceptedInvitation } from "@/lib/invitations/invitation.schemas";

/** Accepts the invitation and opens the workspace; a refusal is shown and the page reloaded with the current state. */
export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => apiFetch<AcceptedInvitation>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { method: "POST" }),
    onSuccess: async (accepted) => {
      await queryClient.invalidateQueries({ queryKey: myWorkspacesQueryKey });
      router.push(`/w/${accepted.workspace.id}`);
      router.refresh();
    },
    onError: () => router.refresh(),
  });
  return (
    <div className="stack">
      <div>
        <button type="button" disabled={accept.isPending || accept.isSuccess} onClick={() => accept.mutate()}>
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
