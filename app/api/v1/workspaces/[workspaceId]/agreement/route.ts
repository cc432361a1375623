import { computeAgreement } from "@/lib/agreement/server/compute-agreement";
import { defineRoute } from "@/lib/http/define-route";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  handler: async ({ actor, params }) => ({ body: await computeAgreement({ actor, workspaceId: params.workspaceId }) }),
});
