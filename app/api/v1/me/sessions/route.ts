import { defineRoute } from "@/lib/http/define-route";
import { revokeMySessions } from "@/lib/users/server/revoke-my-sessions";

export const DELETE = defineRoute({
  auth: "required",
  handler: async ({ actor }) => ({ body: await revokeMySessions(actor) }),
});
