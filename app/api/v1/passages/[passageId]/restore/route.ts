import { defineRoute } from "@/lib/http/define-route";
import { PassageIdParamsSchema } from "@/lib/passages/passage.schemas";
import { restorePassage } from "@/lib/passages/server/restore-passage";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: PassageIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await restorePassage({ actor, passageId: params.passageId }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
