import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getMe } from "@/lib/users/server/get-me";
import { getMeEndpoint } from "@/lib/users/users.endpoints";

export const GET = defineRoute(getMeEndpoint, {
  handler: async ({ actor }) => ({ body: await getMe(actor) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
