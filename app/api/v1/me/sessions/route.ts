import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { revokeMySessions } from "@/lib/users/server/revoke-my-sessions";
import { revokeMySessionsEndpoint } from "@/lib/users/users.endpoints";

export const DELETE = defineRoute(revokeMySessionsEndpoint, {
  handler: async ({ actor }) => ({ body: await revokeMySessions(actor) }),
});

export const { OPTIONS, GET, POST, PUT, PATCH } = otherMethods({ DELETE });
