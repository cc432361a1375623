import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { streamWorkspaceEventsEndpoint } from "@/lib/live/live.endpoints";
import { openLiveStream } from "@/lib/live/server/open-live-stream";

export const GET = defineRoute(streamWorkspaceEventsEndpoint, {
  handler: ({ actor, params, query, request }) =>
    openLiveStream({ actor, workspaceId: params.workspaceId, passageId: query.passageId ?? null, signal: request.signal }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
