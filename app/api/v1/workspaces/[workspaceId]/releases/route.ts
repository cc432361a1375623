import { publicOrigin } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createReleaseEndpoint, listReleasesEndpoint } from "@/lib/releases/releases.endpoints";
import { createRelease } from "@/lib/releases/server/create-release";
import { listReleases } from "@/lib/releases/server/list-releases";

export const GET = defineRoute(listReleasesEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listReleases({ actor, workspaceId: params.workspaceId, query }) }),
});

export const POST = defineRoute(createReleaseEndpoint, {
  handler: async ({ actor, params, body, request }) => ({
    status: 201,
    body: await createRelease({ actor, workspaceId: params.workspaceId, input: body, appUrl: publicOrigin(request) }),
  }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
