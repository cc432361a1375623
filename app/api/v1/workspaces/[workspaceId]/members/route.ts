import { defineRoute } from "@/lib/http/define-route";
import { ListMembersQuerySchema } from "@/lib/members/member.schemas";
import { listMembers } from "@/lib/members/server/list-members";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListMembersQuerySchema,
  handler: async ({ actor, params, query }) => ({ body: await listMembers({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
