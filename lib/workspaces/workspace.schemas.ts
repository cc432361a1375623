import { z } from "zod";
import { IdSchema, nameText, text } from "@/lib/http/text.schemas";
import { ROLES } from "@/lib/auth/permissions";
import { PaginationQuerySchema } from "@/lib/http/pagination";

export const WORKSPACE_NAME_MAX_LENGTH = 100;

export const RoleSchema = z.enum(ROLES).meta({ id: "Role" });

export const CreateWorkspaceInputSchema = z
  .object({
    name: nameText().trim().min(1, "Enter a workspace name").max(WORKSPACE_NAME_MAX_LENGTH, `Workspace names are at most ${WORKSPACE_NAME_MAX_LENGTH} characters`),
  })
  .meta({ id: "CreateWorkspaceInput" });
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInputSchema>;

export const WorkspaceSchema = z
  .object({
    id: text(),
    name: text(),
    role: RoleSchema.describe("The caller's role in this workspace"),
    isBlindReview: z.boolean(),
    isSecondVerifierRequired: z.boolean().describe("Verification needs a second person: whoever verifies a claim did not create it or last change its label or statement"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Workspace" });
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const UpdateWorkspaceInputSchema = z
  .object({
    name: CreateWorkspaceInputSchema.shape.name.optional(),
    isBlindReview: z.boolean().optional().describe("Blind double review: reviewers label independently; an editor sets the final label"),
    isSecondVerifierRequired: z
      .boolean()
      .optional()
      .describe("Verification needs a second person: an editor may not verify a claim they created or whose label or statement they last changed"),
  })
  .strict()
  .refine(
    (input) => input.name !== undefined || input.isBlindReview !== undefined || input.isSecondVerifierRequired !== undefined,
    "Send a name, isBlindReview or isSecondVerifierRequired to change",
  )
  .meta({ id: "UpdateWorkspaceInput" });
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInputSchema>;

export const WorkspaceIdParamsSchema = z.object({ workspaceId: IdSchema });

export const ListWorkspacesQuerySchema = PaginationQuerySchema;
