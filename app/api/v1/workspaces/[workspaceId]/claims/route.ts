import { ListClaimsQuerySchema } from "@/lib/claims/claim.schemas";
import { listClaims } from "@/lib/claims/server/list-claims";
import { defineRoute } from "@/lib/http/define-route";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListClaimsQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listClaims({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
