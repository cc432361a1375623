import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import {
  ChangeMemberRoleInputSchema,
  ListMembersQuerySchema,
  MemberListSchema,
  MemberParamsSchema,
  MemberSchema,
} from "@/lib/members/member.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Members"];

export const registerMemberPaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/members",
    tags,
    summary: "A workspace's members with their roles, longest-standing first (any member)",
    request: { params: WorkspaceIdParamsSchema, query: ListMembersQuerySchema },
    responses: {
      200: jsonContent(MemberListSchema, "A page of members"),
      ...errorResponses("validation_failed", "unauthenticated", "not_found"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
    tags,
    summary: "Change a member's role (owners)",
    description: "The last owner cannot be demoted, not even by themselves (409 with `details.reason: \"last_owner\"`).",
    request: { params: MemberParamsSchema, ...jsonBody(ChangeMemberRoleInputSchema) },
    responses: {
      200: jsonContent(MemberSchema, "The member with the new role"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
    tags,
    summary: "Remove a member (owners), or leave the workspace (any member, with their own user id)",
    description: "The last owner can neither be removed nor leave (409 with `details.reason: \"last_owner\"`).",
    request: { params: MemberParamsSchema },
    responses: {
      204: { description: "Removed" },
      ...errorResponses("unauthenticated", "forbidden", "not_found", "conflict"),
    },
  });
};
