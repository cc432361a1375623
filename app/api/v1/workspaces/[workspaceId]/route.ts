import { defineRoute } from "@/lib/http/define-route";
import { getWorkspace } from "@/lib/workspaces/server/get-workspace";
import { updateWorkspace } from "@/lib/workspaces/server/update-workspace";
import { UpdateWorkspaceInputSchema, WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await getWorkspace({ actor, workspaceId: params.workspaceId }) }),
});

export const PATCH = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: UpdateWorkspaceInputSchema,
  handler: async ({ actor, params, body }) => ({ body: await updateWorkspace({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
