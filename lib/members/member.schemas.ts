import { z } from "zod";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { ROLES } from "@/lib/auth/permissions";
import { pageSchema, PaginationQuerySchema } from "@/lib/http/pagination";
import { RoleSchema, WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

/** A role sent by a client, with a message that names the choices. */
export const RoleInputSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}` });

export const MemberSchema = z
  .object({
    userId: text(),
    name: text(),
    email: text(),
    role: RoleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = pageSchema(MemberSchema);
export type MemberList = z.infer<typeof MemberListSchema>;

export const ListMembersQuerySchema = PaginationQuerySchema;

export const MemberParamsSchema = WorkspaceIdParamsSchema.extend({ userId: IdSchema });

export const ChangeMemberRoleInputSchema = z.object({ role: RoleInputSchema }).strict().meta({ id: "ChangeMemberRoleInput" });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInputSchema>;
