import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listDuplicateGroupsEndpoint } from "@/lib/matching/matching.endpoints";
import { listDuplicateGroups } from "@/lib/matching/server/list-duplicate-groups";
import { matchServerTiming } from "@/lib/matching/server/workspace-trigram-index";

export const GET = defineRoute(listDuplicateGroupsEndpoint, {
  handler: async ({ actor, params, query }) => {
    const started = performance.now();
    const { groups, source } = await listDuplicateGroups({ actor, workspaceId: params.workspaceId, query });
    return { body: groups, headers: { "Server-Timing": matchServerTiming(source, performance.now() - started) } };
  },
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
