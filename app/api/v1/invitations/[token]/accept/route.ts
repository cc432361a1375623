import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { acceptInvitationEndpoint } from "@/lib/invitations/invitations.endpoints";
import { acceptInvitation } from "@/lib/invitations/server/accept-invitation";

export const POST = defineRoute(acceptInvitationEndpoint, {
  handler: async ({ actor, params }) => ({ body: await acceptInvitation({ actor, token: params.token }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
