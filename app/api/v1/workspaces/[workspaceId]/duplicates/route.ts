import { defineRoute } from "@/lib/http/define-route";
import { DuplicateGroupsQuerySchema } from "@/lib/matching/matching.schemas";
import { listDuplicateGroups } from "@/lib/matching/server/list-duplicate-groups";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: DuplicateGroupsQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listDuplicateGroups({ actor, workspaceId: params.workspaceId, query }) }),
});
