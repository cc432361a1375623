import { z } from "zod";
import { IdSchema, text } from "@/lib/http/text.schemas";
import { pageSchema, PaginationQuerySchema } from "@/lib/http/pagination";
import { RoleInputSchema } from "@/lib/members/member.schemas";
import { EmailSchema } from "@/lib/users/user.schemas";
import { RoleSchema, WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

export const INVITATION_VALID_DAYS = 7;

export const CreateInvitationInputSchema = z
  .object({
    email: EmailSchema.describe("Who the invitation is for; any signed-in user holding the link can accept it"),
    role: RoleInputSchema,
  })
  .strict()
  .meta({ id: "CreateInvitationInput" });
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

export const NewInvitationSchema = z
  .object({
    id: text(),
    email: text(),
    role: RoleSchema,
    url: text().describe("The invitation link; its secret is shown only in this response and stored only as a hash"),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "NewInvitation" });
export type NewInvitation = z.infer<typeof NewInvitationSchema>;

export const PendingInvitationSchema = z
  .object({
    id: text(),
    email: text(),
    role: RoleSchema,
    invitedBy: z.object({ id: text(), name: text() }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "PendingInvitation" });
export type PendingInvitation = z.infer<typeof PendingInvitationSchema>;

export const PendingInvitationListSchema = pageSchema(PendingInvitationSchema);
export type PendingInvitationList = z.infer<typeof PendingInvitationListSchema>;

export const ListInvitationsQuerySchema = PaginationQuerySchema;

export const InvitationParamsSchema = WorkspaceIdParamsSchema.extend({ invitationId: IdSchema });

// Lenient on purpose: a malformed token is as unknown as a wrong one (404), not a 400.
export const InvitationTokenParamsSchema = z.object({ token: text().min(1).max(200) });

export const AcceptedInvitationSchema = z
  .object({
    workspace: z.object({ id: text(), name: text() }),
    role: RoleSchema.describe("The role the caller now has in the workspace"),
  })
  .meta({ id: "AcceptedInvitation" });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitationSchema>;
