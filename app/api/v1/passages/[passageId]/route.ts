import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { deletePassageEndpoint, getPassageEndpoint, updatePassageEndpoint } from "@/lib/passages/passages.endpoints";
import { deletePassage } from "@/lib/passages/server/delete-passage";
import { getPassage } from "@/lib/passages/server/get-passage";
import { updatePassage } from "@/lib/passages/server/update-passage";

export const GET = defineRoute(getPassageEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getPassage({ actor, passageId: params.passageId }) }),
});

export const PATCH = defineRoute(updatePassageEndpoint, {
  handler: async ({ actor, params, body }) => ({
    body: await updatePassage({ actor, passageId: params.passageId, input: body }),
  }),
});

export const DELETE = defineRoute(deletePassageEndpoint, {
  handler: async ({ actor, params }) => {
    await deletePassage({ actor, passageId: params.passageId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
