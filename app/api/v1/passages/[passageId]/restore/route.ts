import { defineRoute } from "@/lib/http/define-route";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { restorePassage } from "@/lib/passages/server/restore-passage";

export const POST = defineRoute({
  auth: "required",
  params: PassageIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await restorePassage({ actor, passageId: params.passageId }) }),
});
