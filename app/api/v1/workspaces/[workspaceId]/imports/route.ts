import { publicOrigin } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { importClaimsEndpoint } from "@/lib/imports/imports.endpoints";
import { importClaims } from "@/lib/imports/server/import-claims";
import { readImportBody } from "@/lib/imports/server/read-import-body";

export const POST = defineRoute(importClaimsEndpoint, {
  readBody: readImportBody,
  handler: async ({ actor, params, body, request }) => ({
    body: await importClaims({ actor, workspaceId: params.workspaceId, file: body, appUrl: publicOrigin(request) }),
  }),
});

export const { OPTIONS, GET, PUT, PATCH, DELETE } = otherMethods({ POST });
