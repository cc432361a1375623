import { publicOrigin } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { releaseDataPackage } from "@/lib/releases/datapackage";
import { releasePagePath } from "@/lib/releases/release-urls";
import { releaseDataPackageEndpoint } from "@/lib/releases/releases.endpoints";
import { getRelease } from "@/lib/releases/server/get-release";

export const GET = defineRoute(releaseDataPackageEndpoint, {
  handler: async ({ actor, params, request }) => {
    const { release, workspace } = await getRelease({ actor, workspaceId: params.workspaceId, number: params.number });
    const pageUrl = `${publicOrigin(request)}${releasePagePath(workspace.id, release.number)}`;
    return { body: releaseDataPackage({ release, workspace, pageUrl }) };
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
