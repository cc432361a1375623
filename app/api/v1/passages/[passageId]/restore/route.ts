import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { restorePassageEndpoint } from "@/lib/passages/passages.endpoints";
import { restorePassage } from "@/lib/passages/server/restore-passage";

export const POST = defineRoute(restorePassageEndpoint, {
  handler: async ({ actor, params }) => ({ body: await restorePassage({ actor, passageId: params.passageId }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
