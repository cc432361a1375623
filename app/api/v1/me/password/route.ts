import { clientAddress } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { changePassword } from "@/lib/users/server/change-password";
import { ChangePasswordInputSchema } from "@/lib/users/user.schemas";

export const PUT = defineRoute({
  auth: "required",
  body: ChangePasswordInputSchema,
  handler: async ({ actor, body, request }) => ({
    body: await changePassword({ actor, input: body, clientIp: clientAddress(request) }),
  }),
});

export const { OPTIONS, GET, POST, PATCH, DELETE } = otherMethods({ PUT });
