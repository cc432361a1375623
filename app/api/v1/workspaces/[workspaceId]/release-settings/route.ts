import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getReleaseSettingsEndpoint, updateReleaseSettingsEndpoint } from "@/lib/releases/releases.endpoints";
import { getReleaseSettings, updateReleaseSettings } from "@/lib/releases/server/release-settings";

export const GET = defineRoute(getReleaseSettingsEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getReleaseSettings({ actor, workspaceId: params.workspaceId }) }),
});

export const PUT = defineRoute(updateReleaseSettingsEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await updateReleaseSettings({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
