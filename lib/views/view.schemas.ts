import { z } from "zod";
import { ClaimsFilterSchema } from "@/lib/claims/claim.schemas";
import { IdSchema, nameText, text } from "@/lib/http/text.schemas";

export const SAVED_VIEW_NAME_MAX_LENGTH = 80;
/** Bounds on the views one count query serves: personal views per member, shared views per workspace. */
export const PERSONAL_VIEWS_MAX = 50;
export const SHARED_VIEWS_MAX = 50;

export const SavedViewVisibilitySchema = z
  .enum(["personal", "shared"])
  .describe("personal: only you see it; shared: every member of the workspace sees it")
  .meta({ id: "SavedViewVisibility" });
export type SavedViewVisibility = z.infer<typeof SavedViewVisibilitySchema>;

const NameSchema = nameText()
  .trim()
  .min(1, "Give the view a name")
  .max(SAVED_VIEW_NAME_MAX_LENGTH, `View names are at most ${SAVED_VIEW_NAME_MAX_LENGTH} characters`);

export const SavedViewFilterProblemSchema = z
  .object({
    field: z.enum(["passageId", "assigneeId", "filter"]),
    message: text().describe("What no longer applies, for the person opening the view"),
  })
  .meta({ id: "SavedViewFilterProblem" });
export type SavedViewFilterProblem = z.infer<typeof SavedViewFilterProblemSchema>;

export const SavedViewSchema = z
  .object({
    id: text(),
    workspaceId: text(),
    name: text(),
    visibility: SavedViewVisibilitySchema,
    filter: ClaimsFilterSchema.describe("The claims list query the view opens, without what no longer applies (see `notApplied`)"),
    notApplied: z
      .array(SavedViewFilterProblemSchema)
      .describe("Parts of the saved filter left out because what they named is gone: a deleted passage, an assignee who left the workspace"),
    claimCount: z.int().min(0).describe("Live claims matching `filter` now"),
    owner: z.object({ id: text(), name: text() }),
    canEdit: z.boolean().describe("Whether the caller may rename, change or delete it"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ items: z.array(SavedViewSchema) }).meta({ id: "SavedViewList" });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

export const CreateSavedViewInputSchema = z
  .object({
    name: NameSchema,
    visibility: SavedViewVisibilitySchema.default("personal"),
    filter: ClaimsFilterSchema,
  })
  .strict()
  .meta({ id: "CreateSavedViewInput" });
export type CreateSavedViewInput = z.infer<typeof CreateSavedViewInputSchema>;

export const UpdateSavedViewInputSchema = z
  .object({
    name: NameSchema.optional(),
    visibility: SavedViewVisibilitySchema.optional(),
    filter: ClaimsFilterSchema.optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Send at least one field to change")
  .meta({ id: "UpdateSavedViewInput" });
export type UpdateSavedViewInput = z.infer<typeof UpdateSavedViewInputSchema>;

export const SavedViewIdParamsSchema = z.object({ workspaceId: IdSchema, viewId: IdSchema });
