import { defineRoute } from "@/lib/http/define-route";
import { InvitationTokenParamsSchema } from "@/lib/invitations/invitation.schemas";
import { acceptInvitation } from "@/lib/invitations/server/accept-invitation";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: InvitationTokenParamsSchema,
  // Not idempotent: the Idempotency-Key record would store the path, and with it the secret. A retry
  // answers 410 "You already accepted this invitation", which the page treats as success.
  handler: async ({ actor, params }) => ({ body: await acceptInvitation({ actor, token: params.token }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
