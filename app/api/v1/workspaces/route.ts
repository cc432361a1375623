import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createWorkspace } from "@/lib/workspaces/server/create-workspace";
import { listWorkspaces } from "@/lib/workspaces/server/list-workspaces";
import { createWorkspaceEndpoint, listWorkspacesEndpoint } from "@/lib/workspaces/workspaces.endpoints";

export const GET = defineRoute(listWorkspacesEndpoint, {
  handler: async ({ actor, query }) => ({ body: await listWorkspaces({ actor, query }) }),
});

export const POST = defineRoute(createWorkspaceEndpoint, {
  handler: async ({ actor, body }) => ({ status: 201, body: await createWorkspace({ actor, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
