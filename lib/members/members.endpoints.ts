import { endpoint, json, noContent } from "@/lib/http/endpoint";
import { ChangeMemberRoleInputSchema, ListMembersQuerySchema, MemberListSchema, MemberParamsSchema, MemberSchema } from "@/lib/members/member.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Members"];

export const listMembersEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/members",
  summary: "A workspace's members with their roles, longest-standing first (any member)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  query: ListMembersQuerySchema,
  responses: { 200: json(MemberListSchema, "A page of members") },
  errors: ["not_found"],
});

export const changeMemberRoleEndpoint = endpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
  summary: "Change a member's role (owners)",
  description: "The last owner cannot be demoted, not even by themselves (409 with `details.reason: \"last_owner\"`).",
  tags,
  auth: "required",
  params: MemberParamsSchema,
  body: ChangeMemberRoleInputSchema,
  responses: { 200: json(MemberSchema, "The member with the new role") },
  errors: ["forbidden", "not_found", "conflict"],
});

export const removeMemberEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
  summary: "Remove a member (owners), or leave the workspace (any member, with their own user id)",
  description: "The last owner can neither be removed nor leave (409 with `details.reason: \"last_owner\"`).",
  tags,
  auth: "required",
  params: MemberParamsSchema,
  responses: { 204: noContent("Removed") },
  errors: ["forbidden", "not_found", "conflict"],
});
