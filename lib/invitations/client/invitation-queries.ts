"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { CreateInvitationInput } from "@/lib/invitations/invitation.schemas";
import { acceptInvitationEndpoint, createInvitationEndpoint, revokeInvitationEndpoint } from "@/lib/invitations/invitations.endpoints";
import { workspaceKeys } from "@/lib/workspaces/client/workspace-queries";

// Pending invitations are rendered on the server (the members page); callers refresh the page on success.

/** Creates an invitation link. No Idempotency-Key: a replayable answer would keep the link's secret in the idempotency table. */
export function useCreateInvitation(workspaceId: string) {
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => callApi(createInvitationEndpoint, { params: { workspaceId }, body: input }),
  });
}

export function useRevokeInvitation(workspaceId: string, invitationId: string) {
  return useMutation({ mutationFn: () => callApi(revokeInvitationEndpoint, { params: { workspaceId, invitationId } }) });
}

/** Joins the invitation's workspace; the caller's list of workspaces is read again. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(acceptInvitationEndpoint, { params: { token } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.mine }),
  });
}
