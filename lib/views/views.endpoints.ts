import { endpoint, json, noContent } from "@/lib/http/endpoint";
import {
  CreateSavedViewInputSchema,
  SavedViewIdParamsSchema,
  SavedViewListSchema,
  SavedViewSchema,
  UpdateSavedViewInputSchema,
} from "@/lib/views/view.schemas";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";

const tags = ["Saved views"];

export const listSavedViewsEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}/views",
  summary: "The saved views the caller sees (shared ones and their own), by name, each with its live claim count",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  responses: { 200: json(SavedViewListSchema, "Every view the caller sees (at most 50 shared and 50 personal)") },
  errors: ["not_found"],
});

export const createSavedViewEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces/{workspaceId}/views",
  summary: "Save a claims filter and sort under a name, for yourself (any member) or shared with the workspace (editors and owners)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: CreateSavedViewInputSchema,
  isIdempotent: true,
  responses: { 201: json(SavedViewSchema, "The new view") },
  errors: ["forbidden", "not_found", "conflict"],
});

export const updateSavedViewEndpoint = endpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{workspaceId}/views/{viewId}",
  summary: "Rename a view, change its filter, or share or unshare it (its owner; editors and owners for shared views)",
  tags,
  auth: "required",
  params: SavedViewIdParamsSchema,
  body: UpdateSavedViewInputSchema,
  responses: { 200: json(SavedViewSchema, "The changed view") },
  errors: ["forbidden", "not_found", "conflict"],
});

export const deleteSavedViewEndpoint = endpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{workspaceId}/views/{viewId}",
  summary: "Delete a view (its owner; editors and owners for shared views)",
  tags,
  auth: "required",
  params: SavedViewIdParamsSchema,
  responses: { 204: noContent("Deleted") },
  errors: ["forbidden", "not_found"],
});
