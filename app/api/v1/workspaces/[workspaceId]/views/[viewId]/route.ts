import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { deleteSavedView } from "@/lib/views/server/delete-saved-view";
import { updateSavedView } from "@/lib/views/server/update-saved-view";
import { deleteSavedViewEndpoint, updateSavedViewEndpoint } from "@/lib/views/views.endpoints";

export const PATCH = defineRoute(updateSavedViewEndpoint, {
  handler: async ({ actor, params, body }) => ({ body: await updateSavedView({ actor, ...params, input: body }) }),
});

export const DELETE = defineRoute(deleteSavedViewEndpoint, {
  handler: async ({ actor, params }) => {
    await deleteSavedView({ actor, ...params });
    return new Response(null, { status: 204 });
  },
});

export const { OPTIONS, GET, POST, PUT } = otherMethods({ PATCH, DELETE });
