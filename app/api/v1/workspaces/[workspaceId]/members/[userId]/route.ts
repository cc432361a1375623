import { defineRoute } from "@/lib/http/define-route";
import { ChangeMemberRoleInputSchema, MemberParamsSchema } from "@/lib/members/member.schemas";
import { changeMemberRole } from "@/lib/members/server/change-member-role";
import { removeMember } from "@/lib/members/server/remove-member";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const PATCH = defineRoute({
  auth: "required",
  params: MemberParamsSchema,
  body: ChangeMemberRoleInputSchema,
  handler: async ({ actor, params, body }) => ({
    body: await changeMemberRole({ actor, workspaceId: params.workspaceId, userId: params.userId, input: body }),
  }),
});

export const DELETE = defineRoute({
  auth: "required",
  params: MemberParamsSchema,
  handler: async ({ actor, params }) => {
    await removeMember({ actor, workspaceId: params.workspaceId, userId: params.userId });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT } = otherMethods({ PATCH, DELETE });
