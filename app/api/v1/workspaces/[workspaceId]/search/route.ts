import { defineRoute } from "@/lib/http/define-route";
import { SearchQuerySchema } from "@/lib/search/search.schemas";
import { searchWorkspace } from "@/lib/search/server/search-workspace";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: SearchQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await searchWorkspace({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
