import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { searchWorkspaceEndpoint } from "@/lib/search/search.endpoints";
import { searchWorkspace } from "@/lib/search/server/search-workspace";

export const GET = defineRoute(searchWorkspaceEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await searchWorkspace({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
