import { defineRoute } from "@/lib/http/define-route";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await getWorkspace({ actor, workspaceId: params.workspaceId }) }),
});
