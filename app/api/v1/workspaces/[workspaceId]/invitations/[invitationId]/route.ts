import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { revokeInvitationEndpoint } from "@/lib/invitations/invitations.endpoints";
import { revokeInvitation } from "@/lib/invitations/server/revoke-invitation";

export const DELETE = defineRoute(revokeInvitationEndpoint, {
  handler: async ({ actor, params }) => {
    await revokeInvitation({ actor, workspaceId: params.workspaceId, invitationId: params.invitationId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
