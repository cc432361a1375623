import { endpoint, json } from "@/lib/http/endpoint";
import { pageSchema } from "@/lib/http/pagination";
import {
  CreateWorkspaceInputSchema,
  ListWorkspacesQuerySchema,
  UpdateWorkspaceInputSchema,
  WorkspaceIdParamsSchema,
  WorkspaceSchema,
} from "@/lib/workspaces/workspace.schemas";

const tags = ["Workspaces"];

export const listWorkspacesEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces",
  summary: "The caller's workspaces",
  tags,
  auth: "required",
  query: ListWorkspacesQuerySchema,
  responses: { 200: json(pageSchema(WorkspaceSchema), "A page of workspaces") },
  errors: [],
});

export const createWorkspaceEndpoint = endpoint({
  method: "POST",
  path: "/api/v1/workspaces",
  summary: "Create a workspace (the caller becomes its owner)",
  tags,
  auth: "required",
  body: CreateWorkspaceInputSchema,
  isIdempotent: true,
  responses: { 201: json(WorkspaceSchema, "The new workspace") },
  errors: [],
});

export const getWorkspaceEndpoint = endpoint({
  method: "GET",
  path: "/api/v1/workspaces/{workspaceId}",
  summary: "One workspace",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  responses: { 200: json(WorkspaceSchema, "The workspace") },
  errors: ["not_found"],
});

export const updateWorkspaceEndpoint = endpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{workspaceId}",
  summary: "Rename a workspace, or switch blind double review or second-person verification (owners)",
  tags,
  auth: "required",
  params: WorkspaceIdParamsSchema,
  body: UpdateWorkspaceInputSchema,
  responses: { 200: json(WorkspaceSchema, "The workspace as changed") },
  errors: ["forbidden", "not_found"],
});
