import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getReleaseEndpoint } from "@/lib/releases/releases.endpoints";
import { getRelease } from "@/lib/releases/server/get-release";

export const GET = defineRoute(getReleaseEndpoint, {
  handler: async ({ actor, params }) => ({ body: (await getRelease({ actor, workspaceId: params.workspaceId, number: params.number })).release }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
