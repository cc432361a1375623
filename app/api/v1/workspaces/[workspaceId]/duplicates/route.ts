import { defineRoute } from "@/lib/http/define-route";
import { DuplicateGroupsQuerySchema } from "@/lib/matching/matching.schemas";
import { listDuplicateGroups } from "@/lib/matching/server/list-duplicate-groups";
import { matchServerTiming } from "@/lib/matching/server/workspace-trigram-index";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: DuplicateGroupsQuerySchema,
  handler: async ({ actor, params, query }) => {
    const started = performance.now();
    const { groups, source } = await listDuplicateGroups({ actor, workspaceId: params.workspaceId, query });
    return { body: groups, headers: { "Server-Timing": matchServerTiming(source, performance.now() - started) } };
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
