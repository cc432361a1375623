import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { diffReleasesEndpoint } from "@/lib/releases/releases.endpoints";
import { diffReleases } from "@/lib/releases/server/diff-releases";

export const GET = defineRoute(diffReleasesEndpoint, {
  handler: async ({ actor, params, query }) => ({
    body: await diffReleases({ actor, workspaceId: params.workspaceId, number: params.number, against: query.against }),
  }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
