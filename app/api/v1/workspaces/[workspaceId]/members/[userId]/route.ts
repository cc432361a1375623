import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { changeMemberRoleEndpoint, removeMemberEndpoint } from "@/lib/members/members.endpoints";
import { changeMemberRole } from "@/lib/members/server/change-member-role";
import { removeMember } from "@/lib/members/server/remove-member";

export const PATCH = defineRoute(changeMemberRoleEndpoint, {
  handler: async ({ actor, params, body }) => ({
    body: await changeMemberRole({ actor, workspaceId: params.workspaceId, userId: params.userId, input: body }),
  }),
});

export const DELETE = defineRoute(removeMemberEndpoint, {
  handler: async ({ actor, params }) => {
    await removeMember({ actor, workspaceId: params.workspaceId, userId: params.userId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT } = otherMethods({ PATCH, DELETE });
