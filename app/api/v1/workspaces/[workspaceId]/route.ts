import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { updateWorkspace } from "@/lib/workspaces/server/update-workspace";
import { getWorkspaceEndpoint, updateWorkspaceEndpoint } from "@/lib/workspaces/workspaces.endpoints";

export const GET = defineRoute(getWorkspaceEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getWorkspace({ actor, workspaceId: params.workspaceId }) }),
});

export const PATCH = defineRoute(updateWorkspaceEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await updateWorkspace({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
