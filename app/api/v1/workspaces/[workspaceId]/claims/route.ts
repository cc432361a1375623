import { ListClaimsQuerySchema } from "@/lib/claims/claim.schemas";
import { listClaims } from "@/lib/claims/server/list-claims";
import { defineRoute } from "@/lib/http/define-route";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListClaimsQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listClaims({ actor, workspaceId: params.workspaceId, query }) }),
});
