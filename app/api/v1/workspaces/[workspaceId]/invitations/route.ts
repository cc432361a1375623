import { defineRoute } from "@/lib/http/define-route";
import { CreateInvitationInputSchema, ListInvitationsQuerySchema } from "@/lib/invitations/invitation.schemas";
import { createInvitation } from "@/lib/invitations/server/create-invitation";
import { listInvitations } from "@/lib/invitations/server/list-invitations";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListInvitationsQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listInvitations({ actor, workspaceId: params.workspaceId, query }) }),
});

export const POST = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreateInvitationInputSchema,
  // Not idempotent on purpose: a stored replay would keep the link's secret in plain text (as decision 002).
  handler: async ({ actor, params, body, request }) => ({
    status: 201,
    body: await createInvitation({ actor, workspaceId: params.workspaceId, input: body, request }),
  }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
