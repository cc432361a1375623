import { defineRoute } from "@/lib/http/define-route";
import { getMe } from "@/lib/users/server/get-me";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ actor }) => ({ body: await getMe(actor) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
