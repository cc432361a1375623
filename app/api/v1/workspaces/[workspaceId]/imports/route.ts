import { publicOrigin } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { importClaims } from "@/lib/imports/server/import-claims";
import { readImportBody } from "@/lib/imports/server/read-import-body";
import { WorkspaceIdParamsSchema } from "@/lib/workspaces/workspace.schemas";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = defineRoute({
  auth: "required",
  params: WorkspaceIdParamsSchema,
  readBody: readImportBody,
  isIdempotent: true,
  handler: async ({ actor, params, body, request }) => ({
    body: await importClaims({ actor, workspaceId: params.workspaceId, file: body, appUrl: publicOrigin(request) }),
  }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
