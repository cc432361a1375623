import { BulkUpdateClaimsInputSchema } from "@/lib/claims/claim.schemas";
import { bulkUpdateClaims } from "@/lib/claims/server/bulk-update-claims";
import { defineRoute } from "@/lib/http/define-route";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: BulkUpdateClaimsInputSchema,
  handler: async ({ actor, params, body }) => ({ body: await bulkUpdateClaims({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
