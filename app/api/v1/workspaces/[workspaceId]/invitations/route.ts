import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createInvitationEndpoint, listInvitationsEndpoint } from "@/lib/invitations/invitations.endpoints";
import { createInvitation } from "@/lib/invitations/server/create-invitation";
import { listInvitations } from "@/lib/invitations/server/list-invitations";

export const GET = defineRoute(listInvitationsEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listInvitations({ actor, workspaceId: params.workspaceId, query }) }),
});

export const POST = defineRoute(createInvitationEndpoint, {
  handler: async ({ actor, params, body, request }) => ({
    status: 201,
    body: await createInvitation({ actor, workspaceId: params.workspaceId, input: body, request }),
  }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
