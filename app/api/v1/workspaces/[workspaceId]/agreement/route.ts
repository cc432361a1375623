import { computeAgreement } from "@/lib/agreement/server/compute-agreement";
import { defineRoute } from "@/lib/http/define-route";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await computeAgreement({ actor, workspaceId: params.workspaceId }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
