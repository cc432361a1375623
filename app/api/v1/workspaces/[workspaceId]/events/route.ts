import { defineRoute } from "@/lib/http/define-route";
import { LiveEventsQuerySchema } from "@/lib/live/live.schemas";
import { openLiveStream } from "@/lib/live/server/open-live-stream";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: LiveEventsQuerySchema,
  handler: ({ actor, params, query, request }) =>
    openLiveStream({ actor, workspaceId: params.workspaceId, passageId: query.passageId ?? null, signal: request.signal }),
});
