import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { openLiveStream } from "@/lib/live/server/open-live-stream";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: z.object({ passageId: z.string().min(1).max(64).optional() }),
  handler: ({ actor, params, query, request }) =>
    openLiveStream({ actor, workspaceId: params.workspaceId, passageId: query.passageId ?? null, signal: request.signal }),
});
