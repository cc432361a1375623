import { defineRoute } from "@/lib/http/define-route";
import { createWorkspace } from "@/lib/workspaces/server/create-workspace";
import { listWorkspaces } from "@/lib/workspaces/server/list-workspaces";
import { CreateWorkspaceInputSchema, ListWorkspacesQuerySchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = defineRoute({
  auth: "required",
  query: ListWorkspacesQuerySchema,
  handler: async ({ actor, query }) => ({ body: await listWorkspaces({ actor, query }) }),
});

export const POST = defineRoute({
  auth: "required",
  body: CreateWorkspaceInputSchema,
  isIdempotent: true,
  handler: async ({ actor, body }) => ({ status: 201, body: await createWorkspace({ actor, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
