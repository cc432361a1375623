import {
  AcceptedInvitationSchema,
  CreateInvitationInputSchema,
  InvitationParamsSchema,
  InvitationTokenParamsSchema,
  ListInvitationsQuerySchema,
  NewInvitationSchema,
  PendingInvitationListSchema,
} from "@/lib/invitations/invitation.schemas";
import { ErrorBodySchema } from "@/lib/http/errors";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Members"];

export const registerInvitationPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/invitations",
    tags,
    summary: "Pending invitations: neither accepted, withdrawn nor expired (owners; never their links)",
    request: { params: WorkspaceIdParamsSchema, query: ListInvitationsQuerySchema },
    responses: {
      200: jsonContent(PendingInvitationListSchema, "A page of pending invitations, newest first"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/invitations",
    tags,
    summary: "Invite someone by link (owners; Idempotency-Key is ignored: the link's secret is never stored)",
    description:
      "The answer holds the invitation link; its secret is stored only as a hash, so copy the link now. No email is sent. The link works once, for 7 days, for any signed-in user who holds it. Inviting the same address again replaces its pending invitation. 409 when the address already belongs to a member.",
    request: { params: WorkspaceIdParamsSchema, ...jsonBody(CreateInvitationInputSchema) },
    responses: {
      201: jsonContent(NewInvitationSchema, "The invitation, with its link"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}",
    tags,
    summary: "Withdraw an invitation (owners); its link answers 410 from then on",
    request: { params: InvitationParamsSchema },
    responses: {
      204: { description: "Withdrawn (also when it already was)" },
      ...errorResponses("unauthenticated", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/invitations/{token}/accept",
    tags,
    summary: "Accept an invitation: join its workspace with the invited role",
    description:
      "`token` is the secret at the end of the invitation link. 404: no such link; 410: already used, withdrawn or expired; 409: the caller is already a member (their role stays, the invitation stays unused).",
    request: { params: InvitationTokenParamsSchema },
    responses: {
      200: jsonContent(AcceptedInvitationSchema, "The workspace joined and the caller's role in it"),
      ...errorResponses("unauthenticated", "forbidden", "not_found", "conflict"),
      410: jsonContent(ErrorBodySchema, "The invitation was already used, withdrawn or has expired"),
    },
  });
};
