import { clientIp } from "@/lib/auth/server/sign-in-rate-limit";
import { defineRoute } from "@/lib/http/define-route";
import { changePassword } from "@/lib/users/server/change-password";
import { ChangePasswordInputSchema } from "@/lib/users/user.schemas";

export const PUT = defineRoute({
  auth: "required",
  body: ChangePasswordInputSchema,
  handler: async ({ actor, body, request }) => ({
    body: await changePassword({ actor, input: body, clientIp: clientIp(request.headers) }),
  }),
});
