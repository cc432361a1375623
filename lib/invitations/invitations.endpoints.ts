import { endpoint, json, noContent } from "@/lib/http/endpoint";
import {
  AcceptedInvitationSchema,
  CreateInvitationInputSchema,
  InvitationParamsSchema,
  InvitationTokenParamsSchema,
  ListInvitationsQuerySchema,
  NewInvitationSchema,
  PendingInvitationListSchema,
} from "@/lib/invitations/invitation.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Members"];

export const listInvitationsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/invitations",
  summary: "Pending invitations: neither accepted, withdrawn nor expired (owners; never their links)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListInvitationsQuerySchema,
  responses: { 200: json(PendingInvitationListSchema, "A page of pending invitations, newest first") },
  errors: ["forbidden", "not_found"],
});

export const createInvitationEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/invitations",
  summary: "Invite someone by link (owners; Idempotency-Key is ignored: the link's secret is never stored)",
  description:
    "The answer holds the invitation link; its secret is stored only as a hash, so copy the link now. No email is sent. The link works once, for 7 days, for any signed-in user who holds it. Inviting the same address again replaces its pending invitation. 409 when the address already belongs to a member.",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreateInvitationInputSchema,
  // Not idempotent on purpose: a stored replay would keep the link's secret in plain text (as decision 002).
  responses: { 201: json(NewInvitationSchema, "The invitation, with its link") },
  errors: ["forbidden", "not_found", "conflict"],
});

export const revokeInvitationEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}",
  summary: "Withdraw an invitation (owners); its link answers 410 from then on",
  tags,
  auth: "required",
  params: InvitationParamsSchema,
  responses: { 204: noContent("Withdrawn (also when it already was)") },
  errors: ["forbidden", "not_found", "conflict"],
});

export const acceptInvitationEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/invitations/{token}/accept",
  summary: "Accept an invitation: join its workspace with the invited role",
  description:
    "`token` is the secret at the end of the invitation link. 404: no such link; 410: already used, withdrawn or expired; 409: the caller is already a member (their role stays, the invitation stays unused).",
  tags,
  auth: "required",
  params: InvitationTokenParamsSchema,
  // Not idempotent: the Idempotency-Key record would store the path, and with it the secret. A retry
  // answers 410 "You already accepted this invitation", which the page treats as success.
  responses: { 200: json(AcceptedInvitationSchema, "The workspace joined and the caller's role in it") },
  errors: ["not_found", "conflict", "gone"],
});
