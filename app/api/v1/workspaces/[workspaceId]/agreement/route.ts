import { computeAgreement } from "@/lib/agreement/server/compute-agreement";
import { defineRoute } from "@/lib/http/define-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { getAgreementEndpoint } from "@/lib/review/review.endpoints";

export const GET = defineRoute(getAgreementEndpoint, {
  handler: async ({ actor, params }) => ({ body: await computeAgreement({ actor, workspaceId: params.workspaceId }) }),
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
