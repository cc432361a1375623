import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { pageSchema, PaginationQuerySchema } from "@/lib/http/pagination";
import { RoleSchema, WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

/** A role sent by a client, with a message that names the choices. */
export const RoleInputSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}` });

export const MemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = pageSchema(MemberSchema);
export type MemberList = z.infer<typeof MemberListSchema>;

export const ListMembersQuerySchema = PaginationQuerySchema;

export const MemberParamsSchema = WorkspaceIdParamsSchema.extend({ userId: z.string().min(1).max(64) });

export const ChangeMemberRoleInputSchema = z.object({ role: RoleInputSchema }).strict().meta({ id: "ChangeMemberRoleInput" });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInputSchema>;
