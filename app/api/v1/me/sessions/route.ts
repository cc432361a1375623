import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { revokeMySessions } from "@/lib/users/server/revoke-my-sessions";

export const DELETE = defineRoute({
  auth: "required",
  handler: async ({ actor }) => ({ body: await revokeMySessions(actor) }),
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
