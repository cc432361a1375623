import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { listMembersEndpoint } from "@/lib/members/members.endpoints";
import { listMembers } from "@/lib/members/server/list-members";

export const GET = defineRoute(listMembersEndpoint, {
  handler: async ({ actor, params, query }) => ({ body: await listMembers({ actor, workspaceId: params.workspaceId, query }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
