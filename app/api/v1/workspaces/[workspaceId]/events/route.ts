import { defineRoute } from "@/lib/http/define-route";
import { LiveEventsQuerySchema } from "@/lib/live/live.schemas";
import { openLiveStream } from "@/lib/live/server/open-live-stream";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: LiveEventsQuerySchema,
  handler: ({ actor, params, query, request }) =>
    openLiveStream({ actor, workspaceId: params.workspaceId, passageId: query.passageId ?? null, signal: request.signal }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
