import { pageSchema } from "@/lib/http/pagination";
import { errorResponses, jsonBody, jsonContent, type RegisterPaths } from "@/lib/openapi/openapi-helpers";
import {
  CreateWorkspaceInputSchema,
  ListWorkspacesQuerySchema,
  UpdateWorkspaceInputSchema,
  WorkspaceIdParamsSchema,
  WorkspaceSchema,
} from "@/lib/workspaces/workspace.schemas";

export const registerWorkspacePaths: RegisterPaths = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces",
    tags: ["Workspaces"],
    summary: "The caller's workspaces",
    request: { query: ListWorkspacesQuerySchema },
    responses: {
      200: jsonContent(pageSchema(WorkspaceSchema), "A page of workspaces"),
      ...errorResponses("validation_failed", "unauthenticated"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces",
    tags: ["Workspaces"],
    summary: "Create a workspace (the caller becomes its owner)",
    request: jsonBody(CreateWorkspaceInputSchema),
    responses: {
      201: jsonContent(WorkspaceSchema, "The new workspace"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}",
    tags: ["Workspaces"],
    summary: "One workspace",
    request: { params: WorkspaceIdParamsSchema },
    responses: { 200: jsonContent(WorkspaceSchema, "The workspace"), ...errorResponses("unauthenticated", "not_found") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/workspaces/{workspaceId}",
    tags: ["Workspaces"],
    summary: "Rename a workspace, or switch blind double review or second-person verification (owners)",
    request: { params: WorkspaceIdParamsSchema, ...jsonBody(UpdateWorkspaceInputSchema) },
    responses: {
      200: jsonContent(WorkspaceSchema, "The workspace as changed"),
      ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "unsupported_media_type"),
    },
  });
};
