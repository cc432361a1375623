import { defineRoute } from "@/lib/http/define-route";
import { getMe } from "@/lib/users/server/get-me";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ actor }) => ({ body: await getMe(actor) }),
});
