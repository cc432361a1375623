import { endpoint, file } from "@/lib/http/endpoint";
import { LiveEventsQuerySchema } from "@/lib/live/live.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const streamWorkspaceEventsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/events",
  summary: "Live changes of a workspace, and who views a passage, as Server-Sent Events",
  description:
    'Each `data:` line is JSON: `{ type: "change", workspaceId, actorId, claimIds, actions }` after every committed change (claimIds null: refetch everything), and with `passageId` `{ type: "presence", passageId, viewers }`.',
  tags: ["Team"],
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: LiveEventsQuerySchema,
  responses: { 200: file(["text/event-stream"], "An open event stream") },
  errors: ["not_found"],
});
