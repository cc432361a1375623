import { defineRoute } from "@/lib/http/define-route";
import { InvitationParamsSchema } from "@/lib/invitations/invitation.schemas";
import { revokeInvitation } from "@/lib/invitations/server/revoke-invitation";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const DELETE = defineRoute({
  auth: "required",
  params: InvitationParamsSchema,
  handler: async ({ actor, params }) => {
    await revokeInvitation({ actor, workspaceId: params.workspaceId, invitationId: params.invitationId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
