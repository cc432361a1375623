import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getRevisionEndpoint } from "@/lib/revisions/revisions.endpoints";
import { getRevision } from "@/lib/revisions/server/list-revisions";

export const GET = defineRoute(getRevisionEndpoint, {
  handler: async ({ actor, params }) => ({ body: await getRevision({ actor, passageId: params.passageId, number: params.number }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
