import { clientAddress } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { changePassword } from "@/lib/users/server/change-password";
import { changePasswordEndpoint } from "@/lib/users/users.endpoints";

export const PUT = defineRoute(changePasswordEndpoint, {
  handler: async ({ actor, body, request }) => ({
    body: await changePassword({ actor, input: body, clientIp: clientAddress(request) }),
  }),
});

export const { OPTIONS, GET, POST, PATCH, DELETE } = otherMethods({ PUT });
