import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { createSavedView } from "@/lib/views/server/create-saved-view";
import { listSavedViews } from "@/lib/views/server/list-saved-views";
import { createSavedViewEndpoint, listSavedViewsEndpoint } from "@/lib/views/views.endpoints";

export const GET = defineRoute(listSavedViewsEndpoint, {
  handler: async ({ actor, params }) => ({ body: await listSavedViews({ actor, workspaceId: params.workspaceId }) }),
});

export const POST = defineRoute(createSavedViewEndpoint, {
  handler: async ({ actor, params, body }) => ({ status: 201, body: await createSavedView({ actor, workspaceId: params.workspaceId, input: body }) }),
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
